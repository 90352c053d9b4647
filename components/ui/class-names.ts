/** Joins class names, skipping falsy ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

/** The white, bordered card every panel of the admin sits in. */
export const cardClass = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
