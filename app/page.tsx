export default function HomePage() {
  return (
    <section aria-labelledby="overview-heading" className="space-y-2">
      <h1 id="overview-heading" className="text-2xl font-semibold tracking-tight">
        Order operations
      </h1>
      <p className="max-w-prose text-slate-600">
        Find a Skip Pay application, then cancel items before shipping, return items after delivery or refund
        an amount — and see the resulting application state straight away.
      </p>
    </section>
  );
}
