// The server's clock as this browser sees it. The journal's times and the lease are the server's, and a staff
// PC's clock can be minutes off; TanStack Query keeps time by the browser's.

// Learnt from the first order page this document renders: a page restored later from the router's cache (Back)
// carries an old readAt, which must not pass for the clocks' difference — nor make old data look fresh.
let learnt: number | undefined;

/** Learns how far the server's clock is ahead of this browser's from a `readAt` the server just sent (once). */
export function learnServerClock(readAt: number) {
  if (typeof window !== "undefined") learnt ??= readAt - Date.now();
}

/** A server time (ms since the epoch) as this browser's clock reads it. */
export const toBrowserTime = (serverMs: number) => serverMs - (learnt ?? 0);
/** A browser time (ms since the epoch) by the server's clock. */
export const toServerTime = (browserMs: number) => browserMs + (learnt ?? 0);
export const serverNow = () => toServerTime(Date.now());
