// The client's address from X-Forwarded-For as lib/cli/server.mjs leaves it: whatever clients claimed, then the
// connecting address.
import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyList, withClientAddress } from "./client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"]);

describe("client address", () => {
  it("without trusted proxies is the connecting address, whatever the client claimed", () => {
    expect(clientAddress("198.51.100.7", none)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9, 198.51.100.7", none)).toBe("198.51.100.7");
    expect(clientAddress("unknown, 198.51.100.7", none)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", none)).toBe("::ffff:127.0.0.1");
  });

  it("behind trusted proxies is the address the first of them saw", () => {
    expect(clientAddress("203.0.113.9, 198.51.100.7, 10.0.0.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7, 192.0.2.10, 10.0.0.7", proxies)).toBe("198.51.100.7");
    // A proxy connecting over IPv4-mapped IPv6 is still the proxy.
    expect(clientAddress("198.51.100.7, ::ffff:10.0.0.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("2001:db9::5, 2001:db8::1", proxies)).toBe("2001:db9::5");
    // Ports and brackets as some proxies write them.
    expect(clientAddress("198.51.100.7:5123, 10.0.0.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("[2001:db9::5]:443, 10.0.0.7", proxies)).toBe("2001:db9::5");
    // Only the proxies' own hops: the furthest of them.
    expect(clientAddress("10.0.0.8, 10.0.0.7", proxies)).toBe("10.0.0.8");
  });

  it("stops at a hop that is no address: the proxy that wrote it is the nearest address known", () => {
    expect(clientAddress("unknown, 10.0.0.7", proxies)).toBe("10.0.0.7");
    expect(clientAddress("198.51.100.7, garbage!, 10.0.0.7", proxies)).toBe("10.0.0.7");
    expect(clientAddress("unknown", none)).toBeNull();
    expect(clientAddress("", none)).toBeNull();
    expect(clientAddress(null, none)).toBeNull();
  });

  it("leaves better-auth one address to read, or none", () => {
    const request = (forwardedFor?: string) =>
      new Request("http://127.0.0.1/api/auth/sign-in/email", {
        method: "POST",
        headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
        body: "{}",
      });
    expect(withClientAddress(request("203.0.113.9, 198.51.100.7"), none).headers.get("x-forwarded-for")).toBe(
      "198.51.100.7",
    );
    expect(withClientAddress(request("unknown"), none).headers.has("x-forwarded-for")).toBe(false);
    expect(withClientAddress(request(), none).headers.has("x-forwarded-for")).toBe(false);
  });
});
