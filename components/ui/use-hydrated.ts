"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and while React takes it over; true once the page's scripts run it. A button that
 * only works with them is disabled until then, so that an early click is visibly "not yet" instead of lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
