import Link from "next/link";

/** The order page's way back to the list: drawn while the order loads too, so it works from the first moment. */
export function OrderBreadcrumb({ label, back }: { label: string; back: string }) {
  return (
    <nav aria-label={label} className="text-sm">
      <Link href="/applications" className="text-brand-700 hover:underline">
        ← {back}
      </Link>
    </nav>
  );
}
