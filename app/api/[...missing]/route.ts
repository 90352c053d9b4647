// An API path no route matches: a JSON 404, not the staff layout's page (which app/(admin)/[...missing] would
// render, outside proxy.ts, which leaves api/ alone).
const missing = () => Response.json({ error: "not_found" }, { status: 404 });

export const GET = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
