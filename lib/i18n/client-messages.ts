// Which message namespaces reach the browser. Every page used to carry the whole catalog in its HTML (≈60 kB);
// a page now carries the shell's namespaces and its own. client-messages.test.ts derives both lists from the
// client components each page imports, so a missing or needless namespace fails `npm test`.
import type en from "./messages/en.json";

type Namespace = keyof typeof en;

/** What the layout's client components (header, language switch, decision notice) and error page use. */
const SHELL = ["errorPage", "intents", "nav", "requests"] as const satisfies readonly Namespace[];

/** Each page's client components, beyond the shell's. */
export const PAGE_MESSAGES = {
  order: [
    "application",
    "cancelReasons",
    "carriers",
    "changeOrder",
    "customerEmail",
    "customerMessage",
    "decision",
    "documents",
    "failures",
    "fields",
    "financingTypes",
    "formErrors",
    "itemStates",
    "itemTypes",
    "items",
    "journal",
    "ledger",
    "lineReasons",
    "operations",
    "payouts",
    "planIssues",
    "planNotes",
    "preview",
    "reasons",
    "results",
    "sandbox",
    "states",
    "unavailable",
    "workspace",
  ],
  list: ["financingTypes", "list", "states"],
  approvals: [
    "approvals",
    "carriers",
    "changeOrder",
    "customerMessage",
    "decision",
    "failures",
    "formErrors",
    "itemStates",
    "journal",
    "planIssues",
    "planNotes",
    "preview",
    "reasons",
    "results",
    "states",
  ],
  requests: [
    "cancelReasons",
    "customerEmail",
    "customerMessage",
    "decision",
    "failures",
    "formErrors",
    "itemStates",
    "journal",
    "reasons",
    "results",
    "states",
  ],
  reports: ["reports"],
  staff: ["roles", "staffPage"],
  login: ["login"],
} as const satisfies Record<string, readonly Namespace[]>;

export type MessagesPart = keyof typeof PAGE_MESSAGES;

export const SHELL_MESSAGES: readonly string[] = SHELL;

/** The shell's namespaces of `all`, and the page's when one is named. */
export function pickMessages<T extends Record<string, unknown>>(all: T, part?: MessagesPart): Partial<T> {
  const names: readonly string[] = part ? [...SHELL, ...PAGE_MESSAGES[part]] : SHELL;
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Partial<T>;
}
