import path from "node:path";

export const PGLITE_TEMPLATE = path.resolve(import.meta.dirname, "../../.reports/pglite-template.tar");
