// Where the sandbox may send notifications: anyone with the sandbox login chooses the URL, so the server posts
// only to this app's own notification route or to hosts the operator listed — checked with a real receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "@/lib/testing/receiver";
import { createNotifier, NOTIFICATION_PATH, notificationAllowed } from "./notifier";

const policy = { appUrl: "https://admin.shop.cz", port: 3000, hosts: ["hooks.shop.cz", "10.0.0.5:8080"] };

describe("notificationAllowed", () => {
  it("allows this app's own notification route, on its public origin or on loopback at its port", () => {
    for (const url of [
      `https://admin.shop.cz${NOTIFICATION_PATH}`,
      `https://admin.shop.cz${NOTIFICATION_PATH}?from=sandbox`,
      `http://127.0.0.1:3000${NOTIFICATION_PATH}`,
      `http://localhost:3000${NOTIFICATION_PATH}`,
      `http://[::1]:3000${NOTIFICATION_PATH}`,
    ])
      expect(notificationAllowed(url, policy), url).toBe(true);
  });

  it("allows any path on a listed host, at the listed port", () => {
    expect(notificationAllowed("https://hooks.shop.cz/skippay", policy)).toBe(true);
    expect(notificationAllowed("http://10.0.0.5:8080/notify", policy)).toBe(true);
    expect(notificationAllowed("https://hooks.shop.cz:8443/skippay", policy)).toBe(false);
    expect(notificationAllowed("http://10.0.0.5/notify", policy)).toBe(false);
  });

  it("refuses everything else: other paths and ports here, private and public addresses, odd URLs", () => {
    for (const url of [
      "https://admin.shop.cz/api/auth/sign-in/email",
      `http://127.0.0.1:5432${NOTIFICATION_PATH}`,
      "http://127.0.0.1:3000/sandbox/control/faults",
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.6:8080/notify",
      "http://192.168.1.1/",
      "https://shop.example.cz/skippay/notifications",
      `https://user:pw@hooks.shop.cz/skippay`,
      "file:///etc/passwd",
      "not a url",
    ])
      expect(notificationAllowed(url, policy), url).toBe(false);
  });
});

describe("the notifier", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it("posts to a receiver only once its host is listed", async () => {
    const logged: string[] = [];
    const target = `${receiver.origin}/hook`;
    const body = { id: "1234567890", state: "READY", stateReason: "READY_TO_SHIP" };
    const unlisted = createNotifier({
      allow: (url) => notificationAllowed(url, { appUrl: "http://127.0.0.1:3999", port: 3999, hosts: [] }),
      log: (m) => logged.push(m),
    });
    expect(unlisted(target, body)).toBe(false);
    expect(logged).toEqual([
      `[sandbox] notification for 1234567890 not sent: ${target} is neither this app's ${NOTIFICATION_PATH} nor on a host in SANDBOX_NOTIFY_HOSTS`,
    ]);

    const listed = createNotifier({
      allow: (url) =>
        notificationAllowed(url, { appUrl: "http://127.0.0.1:3999", port: 3999, hosts: [receiver.host] }),
    });
    expect(listed(target, { ...body, id: "2" })).toBe(true);
    await receiver.waitFor(1);
    // Only the listed one arrived: the refused one was never sent.
    expect(receiver.received).toEqual([{ path: "/hook", body: { ...body, id: "2" } }]);
  });
});
