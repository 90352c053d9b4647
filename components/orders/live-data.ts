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
  /** When `data` was read, by this browser's clock (ms since the epoch). */
  updatedAt: number;
  fetching: boolean;
  /** Shows data the page got otherwise (an operation's answer); polling goes on from it. */
  set: (data: T) => void;
  /** Reads again now; resolves once the read is over (a failed read keeps what is shown). */
  refetch: () => Promise<void>;
}

export function useLive<T>({
  key,
  url,
  initial,
  every,
}: {
  key: readonly [string, string];
  url: string;
  initial: T;
  /** How often to poll while `data` is what it is (ms), or false not to. */
  every: (data: T) => number | false;
}): Live<T> {
  const [shown, setShown] = useState(() => ({ data: initial, updatedAt: Date.now(), fetching: false }));
  const latest = useRef(shown);
  latest.current = shown;
  const interval = useRef(every);
  interval.current = every;
  const observer = useRef<QueryObserver<T> | null>(null);
  const attach = useRef<((loaded: LiveClient) => void) | null>(null);
  const [kind, id] = key;

  useEffect(() => {
    let unsubscribe = () => {};
    const connect = ({ client, QueryObserver, getJson }: LiveClient) => {
      const queryKey = [kind, id];
      // The cache starts from what is on screen (the server's read, or an operation's answer since).
      client.setQueryData(queryKey, latest.current.data, { updatedAt: latest.current.updatedAt });
      const watching = new QueryObserver<T>(client, {
        queryKey,
        queryFn: ({ signal }) => getJson<T>(url, signal),
        refetchInterval: (query) =>
          query.state.data === undefined ? false : interval.current(query.state.data),
      });
      observer.current = watching;
      attach.current = null;
      unsubscribe = watching.subscribe((result) => {
        if (result.data !== undefined)
          setShown({ data: result.data, updatedAt: result.dataUpdatedAt, fetching: result.isFetching });
      });
    };
    attach.current = connect;
    // Not loaded (offline, a new deployment): the page keeps what it shows, and "Check now" loads it again.
    loadClient().then(
      (loaded) => attach.current === connect && connect(loaded),
      () => {},
    );
    return () => {
      attach.current = null;
      unsubscribe();
      observer.current = null;
    };
  }, [kind, id, url]);

  const set = useCallback(
    (data: T) => {
      setShown((s) => ({ ...s, data, updatedAt: Date.now() }));
      loadClient().then(
        ({ client }) => client.setQueryData([kind, id], data),
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
      return;
    }
    attach.current?.(loaded);
    await observer.current?.refetch();
  }, []);
  return { ...shown, set, refetch };
}
