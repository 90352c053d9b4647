// Which address a request comes from, for the per-address sign-in limit. Next.js has no request.ip, and `next start`
// fills X-Forwarded-For with the connecting address only when a request brings none — so a client could claim any
// address. The production server (lib/cli/server.mjs) therefore appends the connecting address to the header, as a
// proxy does, and this module reads it from the right: the last hop is the socket's peer; the ones before it count
// only while the hop after them is a proxy named in TRUSTED_PROXIES. See docs/security.md.
import "server-only";
import { BlockList, isIP } from "node:net";

const PEER_FORWARDED = Symbol.for("skippay-admin.peer-forwarded");

/** Whether this process was started by lib/cli/server.mjs, so X-Forwarded-For ends with the connecting address. */
export const peerForwarded = () => (globalThis as Record<symbol, unknown>)[PEER_FORWARDED] === true;

/** TRUSTED_PROXIES (validated by lib/config.ts) as a list to match addresses against. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** One hop as an address — bare, or with a port or brackets as some proxies write it; null for anything else. */
function hopAddress(hop: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  const address = bracketed?.[1] ?? withPort?.[1] ?? hop;
  return isIP(address) ? address.toLowerCase() : null;
}

const matches = (list: BlockList, address: string) =>
  list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address: X-Forwarded-For read from the right, past the trusted proxies; null when there is none.
 * A hop that is no address (`unknown`, garbage) ends the walk at the proxy that wrote it — the nearest address
 * known — so such clients are never pooled into one bucket that anyone could fill by sending garbage.
 */
export function clientAddress(forwardedFor: string | null, trusted: BlockList): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  let nearest: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = hopAddress(hops[i] as string);
    if (!address) return nearest;
    if (!matches(trusted, address)) return address;
    nearest = address;
  }
  // Every hop a proxy of ours (a health check from the proxy itself): the furthest of them.
  return nearest;
}

/** The request with X-Forwarded-For reduced to the client's address, the one header better-auth reads. */
export function withClientAddress(request: Request, trusted: BlockList): Request {
  const address = clientAddress(request.headers.get("x-forwarded-for"), trusted);
  const headers = new Headers(request.headers);
  if (address) headers.set("x-forwarded-for", address);
  else headers.delete("x-forwarded-for");
  return new Request(request, { headers });
}
