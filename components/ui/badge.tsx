// The pill and its tones are short classes, `.badge` and `.badge-<tone>` in app/globals.css: they repeat on every
// order line.
import type { ReactNode } from "react";
import { cx } from "./class-names";

export type Tone = "neutral" | "info" | "brand" | "success" | "warning" | "danger" | "violet";

export function Badge({
  tone = "neutral",
  children,
  className,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <span title={title} className={cx("badge", `badge-${tone}`, className)}>
      {children}
    </span>
  );
}
