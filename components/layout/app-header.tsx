import Link from "next/link";
import type { ReactNode } from "react";

export interface NavItem {
  href: string;
  label: string;
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
          <ul className="flex items-center gap-1 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {item.label}
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
