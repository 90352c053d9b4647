import Link from "next/link";

/** A centred card with a heading, an optional line of text and a way back: 404, 403 and the like. */
export function MessageCard({ title, body, back }: { title: string; body?: string; back: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {body && <p className="mt-2 text-sm text-slate-600">{body}</p>}
      <Link
        href="/applications"
        className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        {back}
      </Link>
    </div>
  );
}
