"use client";
import { Component, type ReactNode } from "react";

/**
 * Shows `fallback` in place of children that failed to render — for a part of the page whose code is fetched
 * later and may fail to arrive (offline, or a new deployment removed it), so that the rest of the page stays.
 */
export class FallbackBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
