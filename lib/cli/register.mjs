// Loader for the TypeScript CLI commands (create-admin): tsx for TypeScript and the "@/" paths, and an empty
// stand-in for the `server-only` marker (these commands run on the server, outside React).
import { register } from "node:module";
import { register as tsxRegister } from "tsx/esm/api";

tsxRegister();
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`)}`,
  import.meta.url,
);
