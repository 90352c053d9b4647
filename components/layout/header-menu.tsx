"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { cx } from "../ui/class-names";
import { useHydrated } from "../ui/use-hydrated";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown beside the label (e.g. requests waiting), and the link's full accessible name with it. */
  badge?: { count: number; name: string };
}

/**
 * The main navigation and what follows it in the header (language, who is signed in). From `lg` (1024 px) up they
 * sit in the header's row; on phones and tablets they fold behind a Menu button, so the header is one row.
 */
export function HeaderMenu({
  nav,
  navLabel,
  menuLabel,
  children,
}: {
  nav: NavItem[];
  navLabel: string;
  menuLabel: string;
  children?: ReactNode;
}) {
  const pathname = usePathname();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  // Closed again on every navigation: the header stays while the page below changes.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // Requests waiting (a supervisor's approvals) still show while the menu is closed.
  const waiting = nav.reduce((sum, item) => sum + (item.badge?.count ?? 0), 0);
  // Escape closes it from anywhere, and the keyboard goes back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={!hydrated}
        onClick={() => setOpen(!open)}
        className="ml-auto inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-60 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d={open ? CROSS : BARS} />
        </svg>
        {/* With a count beside it the word does not fit a phone's row: the icon and the count show, the name stays. */}
        <span className={waiting > 0 ? "max-sm:sr-only" : undefined}>{menuLabel}</span>
        {waiting > 0 && <Count n={waiting} />}
      </button>
      <div
        id={panelId}
        className={cx(
          "w-full space-y-3 border-t border-slate-200 pt-3 lg:contents lg:space-y-0",
          !open && "max-lg:hidden",
        )}
      >
        <nav aria-label={navLabel} className="lg:ml-auto">
          <ul className="flex flex-col gap-1 text-sm lg:flex-row lg:flex-wrap lg:items-center">
            {nav.map((item) => {
              const here = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-label={item.badge?.name}
                    aria-current={here ? "page" : undefined}
                    className={cx(
                      "flex items-center gap-1.5 rounded-md px-3 py-2 font-medium lg:inline-flex lg:py-1.5",
                      here
                        ? "bg-slate-100 text-slate-900"
                        : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                    )}
                  >
                    {item.label}
                    {item.badge && item.badge.count > 0 && <Count n={item.badge.count} />}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 lg:contents">
          {children}
        </div>
      </div>
    </>
  );
}

function Count({ n }: { n: number }) {
  return (
    <span
      aria-hidden="true"
      className="min-w-5 rounded-full bg-amber-100 px-1.5 text-center text-xs font-semibold leading-5 text-amber-900 tabular-nums ring-1 ring-amber-600/30 ring-inset"
    >
      {n}
    </span>
  );
}

const BARS = "M3 5h14v1.5H3zM3 9.25h14v1.5H3zM3 13.5h14V15H3z";
const CROSS =
  "M5.05 4 10 8.94 14.95 4 16 5.05 11.06 10 16 14.95 14.95 16 10 11.06 5.05 16 4 14.95 8.94 10 4 5.05z";
