"use client";
// The server's clock as this browser sees it. The journal's times and the lease are the server's, and a staff
// PC's clock can be minutes off: learnt once, from when the server read the page's data.
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

const Offset = createContext(0);

// Learnt from the first order page this document renders: a page restored later from the router's cache (Back)
// carries an old readAt, which must not pass for the clocks' difference — nor make old data look fresh.
let learnt: number | undefined;

/** How far the server's clock is ahead of this browser's (ms), from the server's `readAt`. */
export function useClockOffset(readAt: number): number {
  const [offset] = useState(() => {
    if (typeof window === "undefined") return 0;
    learnt ??= readAt - Date.now();
    return learnt;
  });
  return offset;
}

export function ServerClock({ offset, children }: { offset: number; children: ReactNode }) {
  return <Offset value={offset}>{children}</Offset>;
}

/** The server's time now (ms since the epoch). */
export function useServerNow(): () => number {
  const offset = useContext(Offset);
  return useCallback(() => Date.now() + offset, [offset]);
}
