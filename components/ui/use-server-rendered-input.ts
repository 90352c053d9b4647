"use client";
import { type RefObject, useLayoutEffect } from "react";

/**
 * What staff typed or chose in the server-rendered page before it was interactive is in the DOM, not in React's
 * state, which would silently ignore it: hand it to `take` once, on mount (`read` returns null for nothing).
 */
export function useServerRenderedInput<E extends HTMLElement>(
  ref: RefObject<E | null>,
  read: (element: E) => string | null,
  take: (value: string) => void,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: only what hydration found matters
  useLayoutEffect(() => {
    const value = ref.current ? read(ref.current) : null;
    if (value !== null) take(value);
  }, []);
}
