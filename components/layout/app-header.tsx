import Link from "next/link";
import type { ReactNode } from "react";
import { HeaderMenu, type NavItem } from "./header-menu";

/** The top bar: product name, where the admin is pointed (sandbox or live Skip Pay) and the main navigation. */
export function AppHeader({
  environment,
  environmentLabel,
  environmentShort,
  nav,
  navLabel,
  menuLabel,
  children,
}: {
  environment: "sandbox" | "remote";
  environmentLabel: string;
  /** What a phone shows of the label (one word); screen readers still hear all of it. */
  environmentShort: string;
  nav: NavItem[];
  navLabel: string;
  menuLabel: string;
  children?: ReactNode;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 lg:gap-x-6 sm:px-6">
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
          <span aria-hidden="true" className="sm:hidden">
            {environmentShort}
          </span>
          <span className="max-sm:sr-only">{environmentLabel}</span>
        </span>
        {nav.length > 0 ? (
          <HeaderMenu nav={nav} navLabel={navLabel} menuLabel={menuLabel}>
            {children}
          </HeaderMenu>
        ) : (
          <div className="ml-auto flex items-center gap-x-6">{children}</div>
        )}
      </div>
    </header>
  );
}
