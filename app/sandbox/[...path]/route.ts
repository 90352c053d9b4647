// The embedded Skip Pay sandbox, served under /sandbox. Everything is delegated to lib/sandbox. When
// SKIPPAY_BASE_URL points anywhere else (e.g. the real API) these routes do not exist: 404.
import { sandbox, sandboxEnabled } from "@/lib/sandbox/server";

export const dynamic = "force-dynamic";

async function handle(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  if (!sandboxEnabled()) return new Response("Not Found", { status: 404 });
  const { path } = await context.params;
  return sandbox().handle(request, `/${path.map(encodeURIComponent).join("/")}`);
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
