// Where to go after signing in (`/login?next=…`). Pure, so it can be tested on its own.

const HOME = "/applications";
const HERE = "http://admin.invalid";

/**
 * A safe place to return to after signing in: a path on this site, never another origin. The value is read the
 * way a browser reads it — browsers drop tabs and line breaks and treat "\" as "/", so "/\t/evil.example" and
 * "/\evil.example" lead to another site — and only the path, query and fragment of a same-origin result are kept.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith("/")) return HOME;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return HOME;
  }
  return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : HOME;
}
