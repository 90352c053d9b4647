export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-40 rounded-xl bg-slate-200/70" />
      <div className="h-24 rounded-xl bg-slate-200/70" />
      <div className="h-72 rounded-xl bg-slate-200/70" />
    </div>
  );
}
