import Link from "next/link";
import type { ReactNode } from "react";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown beside the label (e.g. requests waiting), and the link's full accessible name with it. */
  badge?: { count: number; name: string };
}

/** The top bar: product name, where the admin is pointed (sandbox or live Skip Pay) and the main navigation. */
export function AppHeader({
  environment,
  environmentLabel,
  nav,
  navLabel,
  children,
}: {
  environment: "sandbox" | "remote";
  environmentLabel: string;
  nav: NavItem[];
  navLabel: string;
  children?: ReactNode;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/applications" className="flex items-center gap-2 font-semibold text-slate-900">
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm text-white"
          >
            S
          </span>
          Skip Pay Orders
        </Link>
        <span
          className={
            environment === "sandbox"
              ? "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
              : "rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900"
          }
        >
          {environmentLabel}
        </span>
        <nav aria-label={navLabel} className="ml-auto">
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-label={item.badge?.name}
                  className="inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {item.label}
                  {item.badge && item.badge.count > 0 && (
                    <span
                      aria-hidden="true"
                      className="min-w-5 rounded-full bg-amber-100 px-1.5 text-center text-xs font-semibold leading-5 text-amber-900 tabular-nums ring-1 ring-amber-600/30 ring-inset"
                    >
                      {item.badge.count}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </header>
  );
}
