import type { ReactNode } from "react";
import { cx } from "./class-names";

const STYLES = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  error: "border-red-300 bg-red-50 text-red-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-sky-300 bg-sky-50 text-sky-950",
} as const;

/**
 * A persistent message region. Success and info are announced politely (role=status); errors and warnings
 * interrupt (role=alert).
 */
export function Alert({
  tone,
  title,
  children,
  className,
  id,
}: {
  tone: keyof typeof STYLES;
  title: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      className={cx("rounded-lg border px-4 py-3 text-sm", STYLES[tone], className)}
    >
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1 space-y-1">{children}</div>}
    </div>
  );
}
