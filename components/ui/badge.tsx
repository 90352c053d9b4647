// The pill itself is one class, `.badge` in app/globals.css (it repeats on every order line); tones stay utilities.
import type { ReactNode } from "react";
import { cx } from "./class-names";

export const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300/60",
  info: "bg-sky-50 text-sky-800 ring-sky-600/20",
  brand: "bg-brand-50 text-brand-700 ring-brand-600/20",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/25",
  danger: "bg-red-50 text-red-800 ring-red-600/20",
  violet: "bg-violet-50 text-violet-800 ring-violet-600/20",
} as const;

export type Tone = keyof typeof TONES;

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
    <span title={title} className={cx("badge", TONES[tone], className)}>
      {children}
    </span>
  );
}
