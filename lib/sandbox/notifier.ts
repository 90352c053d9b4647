// The sandbox sends application notifications like Skip Pay does: POST {id, state, stateReason} to the
// application's merchantUrls.notificationEndpoint, retried after 1, 5, 5, 5 and 5 minutes until it answers 2xx.
// Anyone with the sandbox login chooses that URL, so the server posts only where it is allowed to (below).
export interface Notification {
  id: string;
  state: string;
  stateReason: string;
}

/** The app's own notification route (app/api/skippay/notifications). */
export const NOTIFICATION_PATH = "/api/skippay/notifications";

export interface NotifyPolicy {
  /** This app's public URL: its notification route is always allowed. */
  appUrl: string;
  /** The port this instance listens on: the same route on a loopback host is allowed too. */
  port: number;
  /** Hosts (`host` or `host:port`, as in a URL) the operator listed; a host without a port means its default. */
  hosts: readonly string[];
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether the sandbox may post to `target`: this app's own notification route, or a listed host. Nothing else —
 * no private address (cloud metadata, the LAN, other local services) and no public one either.
 */
export function notificationAllowed(target: string, policy: NotifyPolicy): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) return false;
  if (policy.hosts.includes(url.host)) return true;
  if (url.pathname !== NOTIFICATION_PATH) return false;
  if (url.origin === new URL(policy.appUrl).origin) return true;
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return LOOPBACK.has(url.hostname) && port === policy.port;
}

const RETRY_DELAYS_MS = [60_000, 300_000, 300_000, 300_000, 300_000];

export function createNotifier(options: {
  /** Where a notification may go (see notificationAllowed). */
  allow: (url: string) => boolean;
  timeoutMs?: number;
  log?: (message: string) => void;
}) {
  const log = options.log ?? ((m: string) => console.warn(m));
  async function attempt(url: string, body: Notification, tryNumber: number): Promise<void> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        // An allowed host must not pass the post on to one that is not.
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (response.ok) return;
      throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[tryNumber];
      if (delay === undefined) {
        log(`[sandbox] notification for ${body.id} to ${url} gave up: ${(error as Error).message}`);
        return;
      }
      setTimeout(() => void attempt(url, body, tryNumber + 1), delay).unref();
    }
  }
  /** Sends the notification (in the background) and says whether it is sent at all. */
  return function notify(url: string, body: Notification): boolean {
    if (!options.allow(url)) {
      log(
        `[sandbox] notification for ${body.id} not sent: ${url.slice(0, 200)} is neither this app's ${NOTIFICATION_PATH} nor on a host in SANDBOX_NOTIFY_HOSTS`,
      );
      return false;
    }
    void attempt(url, body, 0);
    return true;
  };
}
