// A page's messages reach the browser by a cached fetch (page-messages.ts), but its HTML is written on the
// server first, by the same process: the server component leaves them here, keyed by their versioned address,
// for the server render of the client provider to read. Constant per build, so no request can see another's.
import type { AbstractIntlMessages } from "next-intl";

const KEY = Symbol.for("skippay-admin.server-render-messages");
type Holder = { [KEY]?: Map<string, AbstractIntlMessages> };

function shelf(): Map<string, AbstractIntlMessages> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function leaveForServerRender(src: string, messages: AbstractIntlMessages): void {
  shelf().set(src, messages);
}

export function leftForServerRender(src: string): AbstractIntlMessages {
  const messages = shelf().get(src);
  if (!messages) throw new Error(`No messages were left for the server render of ${src}`);
  return messages;
}
