// The framework floor: the least a page of this app can cost — static HTML with Next.js's own runtime. `npm run
// bench` measures the order page against it (latency, throughput, First Load JS).
export const dynamic = "force-static";

export const metadata = { title: "Skip Pay Orders" };

export default function Floor() {
  return (
    <main className="mx-auto max-w-xl px-4 py-10 text-sm text-slate-700">
      <h1 className="text-lg font-semibold text-slate-900">Skip Pay Orders</h1>
      <p className="mt-2">A static page: the baseline the benchmark compares the order pages with.</p>
    </main>
  );
}
