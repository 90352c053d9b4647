// The order page's query client. Imported only once the page is interactive (./live-data.ts), so TanStack Query
// is not part of the page's first load.
import { QueryClient, QueryObserver } from "@tanstack/react-query";

// Reads retry once and are fresh for 10 s; a tab staff come back to reads again.
export const client = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true } },
});
// Refetching on focus and on reconnect listens only on a mounted client (QueryClientProvider mounts it in a tree).
client.mount();

export { QueryObserver };

export async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
