// The sandbox sends application notifications like Skip Pay does: POST {id, state, stateReason} to the
// application's merchantUrls.notificationEndpoint, retried after 1, 5, 5, 5 and 5 minutes until it answers 2xx.
export interface Notification {
  id: string;
  state: string;
  stateReason: string;
}

const RETRY_DELAYS_MS = [60_000, 300_000, 300_000, 300_000, 300_000];

export function createNotifier(options: { timeoutMs?: number; log?: (message: string) => void } = {}) {
  const log = options.log ?? ((m: string) => console.warn(m));
  async function attempt(url: string, body: Notification, tryNumber: number): Promise<void> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
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
  return function notify(url: string, body: Notification): void {
    if (!/^https?:\/\//.test(url)) return;
    void attempt(url, body, 0);
  };
}
