// What the order page shows of Skip Pay's application and of the operation journal, kept fresh by TanStack Query:
// polled while Skip Pay decides or an operation settles, read again when staff come back to the tab, retried once,
// one request at a time.
//
// The page renders and hydrates with what the server read, so nothing needs fresher data before it is interactive:
// the query client (≈10 kB gzip) is imported once the page has hydrated, like the form's schema
// (./use-form-plan.ts). Until then the page shows the server's data, and what an operation answers replaces it.
import type { QueryObserver } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

type LiveClient = typeof import("./live-client");
let loading: Promise<LiveClient> | undefined;
/** The query client, loaded once per page (and again after a failed load). */
function loadClient(): Promise<LiveClient> {
  loading ??= import("./live-client").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface Live<T> {
  data: T;
  /** When `data` was read (ms since the epoch): the server's clock for what the page came with, then this browser's. */
  updatedAt: number;
  fetching: boolean;
  /** Shows data the page got otherwise (an operation's answer); polling goes on from it. */
  set: (data: T) => void;
  /** Reads again now; resolves once the read is over, to whether it succeeded (a failed read keeps what is shown). */
  refetch: () => Promise<boolean>;
}

export function useLive<T>({
  key,
  url,
  initial,
  readAt,
  every,
}: {
  key: readonly [string, string];
  url: string;
  initial: T;
  /** When the server read `initial` (ms since the epoch): a page restored by Back is that old, and read again. */
  readAt: number;
  /** How often to poll while `data` is what it is (ms), or false not to. */
  every: (data: T) => number | false;
}): Live<T> {
  const [kind, id] = key;
  const name = `${kind}:${id}`;
  const [shown, setShown] = useState(() => ({ name, data: initial, updatedAt: readAt, fetching: false }));
  // Another application in the same component: start from its own data.
  if (shown.name !== name) setShown({ name, data: initial, updatedAt: readAt, fetching: false });
  const latest = useRef(shown);
  useEffect(() => {
    latest.current = shown;
  });
  const interval = useRef(every);
  interval.current = every;
  const observer = useRef<QueryObserver<T> | null>(null);
  const attach = useRef<((loaded: LiveClient) => void) | null>(null);

  useEffect(() => {
    let unsubscribe = () => {};
    const stop = new AbortController();
    const connect = ({ client, QueryObserver, getJson }: LiveClient) => {
      const queryKey = [kind, id];
      // The cache starts from what is on screen and when it was read, unless it holds something newer (a page
      // restored by Back shows what the server read back then; the cache has what the page learnt since). Data
      // older than the client's staleTime is read again as soon as the observer subscribes.
      const cached = client.getQueryState(queryKey);
      if (!cached?.dataUpdatedAt || cached.dataUpdatedAt < latest.current.updatedAt)
        client.setQueryData(queryKey, latest.current.data, { updatedAt: latest.current.updatedAt });
      const watching = new QueryObserver<T>(client, {
        queryKey,
        queryFn: ({ signal }) => getJson<T>(url, signal),
        refetchInterval: (query) =>
          query.state.data === undefined ? false : interval.current(query.state.data),
      });
      observer.current = watching;
      attach.current = null;
      const show = (result: ReturnType<typeof watching.getCurrentResult>) => {
        const { data, dataUpdatedAt: updatedAt, isFetching: fetching } = result;
        if (data === undefined) return;
        // The same answer as on screen (TanStack keeps an unchanged answer's object): no new render.
        setShown((s) =>
          s.data === data && s.updatedAt === updatedAt && s.fetching === fetching
            ? s
            : { name: `${kind}:${id}`, data, updatedAt, fetching },
        );
      };
      unsubscribe = watching.subscribe(show);
      show(watching.getCurrentResult());
    };
    attach.current = connect;
    const load = () =>
      loadClient().then(
        (loaded) => attach.current === connect && connect(loaded),
        () => {
          // Not loaded (offline, a new deployment): the page keeps what it shows, and tries again when the tab gets
          // the focus or the network is back (and "Check now" or an operation's answer try at once).
          for (const type of ["focus", "online"])
            window.addEventListener(type, load, { once: true, signal: stop.signal });
        },
      );
    void load();
    return () => {
      stop.abort();
      attach.current = null;
      unsubscribe();
      observer.current = null;
    };
  }, [kind, id, url]);

  const set = useCallback(
    (data: T) => {
      setShown((s) => ({ ...s, data, updatedAt: Date.now() }));
      loadClient().then(
        async (loaded) => {
          attach.current?.(loaded);
          const queryKey = [kind, id];
          // A read that started before this answer arrived must not overwrite it with what it found.
          await loaded.client.cancelQueries({ queryKey });
          loaded.client.setQueryData(queryKey, data);
        },
        () => {},
      );
    },
    [kind, id],
  );
  const refetch = useCallback(async () => {
    let loaded: LiveClient;
    try {
      loaded = await loadClient();
    } catch {
      return false;
    }
    attach.current?.(loaded);
    const read = await observer.current?.refetch();
    return !!read && !read.isError;
  }, []);
  return { data: shown.data, updatedAt: shown.updatedAt, fetching: shown.fetching, set, refetch };
}
