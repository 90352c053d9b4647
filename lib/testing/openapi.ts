// Validates bodies against Skip Pay's official OpenAPI spec (../shared/reference, outside this repo; it is read,
// never copied): response bodies by component schema, and requests by their operation's request schema. A spec
// that cannot be read fails the test that asked for it — a check that silently checks nothing proves nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/** Where the spec is read from; SKIPPAY_OPENAPI_SPEC overrides it (a checkout without ../shared). */
// The spec lives beside the repository (never in it): ../shared next to this checkout, or the team's shared folder
// for a clone made elsewhere (CI clones into a temporary directory).
const SPEC_CANDIDATES = [
  path.resolve(import.meta.dirname, "../../../shared/reference/skippay-openapi.yaml"),
  "/work/shared/reference/skippay-openapi.yaml",
];
export const SPEC_PATH =
  process.env.SKIPPAY_OPENAPI_SPEC ??
  SPEC_CANDIDATES.find((p) => existsSync(p)) ??
  (SPEC_CANDIDATES[0] as string);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.0 → JSON Schema: `nullable`, refs into $defs. */
function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string")
      out.$ref = value.replace("#/components/schemas/", "#/$defs/");
    else if (key !== "nullable" && key !== "example") out[key] = convert(value);
  }
  if ((node as { nullable?: boolean }).nullable === true) {
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

export interface RequestCheck {
  /** "PUT /financing/v1/applications/{applicationId}/order/send", or null when the spec has no such operation. */
  operation: string | null;
  /** The component schema the body was checked against, if the operation takes a body. */
  schema: string | null;
  problems: string[];
}

export interface SpecValidator {
  /** Problems with `body` as the named component schema; [] when it conforms. */
  problems(schema: string, body: unknown): string[];
  /** Problems with a request (path relative to the API's base URL, query included) as its operation allows it. */
  request(method: string, pathAndQuery: string, body: unknown): RequestCheck;
}

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: { $ref?: string } }> };
}

export function loadSpecValidator(file: string = SPEC_PATH): SpecValidator {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(
      `Skip Pay's OpenAPI spec cannot be read at ${file} (${(error as Error).message}): nothing can be checked ` +
        "against it. Put the spec there or point SKIPPAY_OPENAPI_SPEC at it.",
    );
  }
  const spec = parse(text);
  if (!spec?.components?.schemas || !spec.paths) throw new Error(`${file} is not an OpenAPI spec`);
  const schemas = structuredClone(spec.components.schemas);
  // Three defects in the published spec, patched here so that conforming bodies validate:
  // 1. CustomerResponse_allOf requires "type" but never defines it. The only customer type the spec knows is the
  //    enum it calls "Customer type" (PrecheckResultResponseSerializer), so that is what `type` is taken to be
  //    (docs/sandbox.md, "customer.type"): required, and one of its values.
  schemas.CustomerResponse_allOf.properties.type = {
    $ref: "#/components/schemas/PrecheckResultResponseSerializer",
  };
  // 2. DeliveryCarrier is a oneOf of "a predefined code" and "any string", so a predefined code matches both.
  schemas.DeliveryCarrier = { anyOf: schemas.DeliveryCarrier.oneOf };
  // 3. FileRequest is a oneOf of two plain strings (the file's URL, or its base64 content): every string matches both.
  schemas.FileRequest = { anyOf: schemas.FileRequest.oneOf };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("url", true);
  ajv.addFormat("datetime", true);
  const cache = new Map<string, ValidateFunction>();
  const $defs = convert(schemas) as { [key: string]: Json };

  function problems(schema: string, body: unknown): string[] {
    let validate = cache.get(schema);
    if (!validate) {
      if (!$defs[schema]) throw new Error(`no schema ${schema} in the spec`);
      validate = ajv.compile({ $ref: `#/$defs/${schema}`, $defs });
      cache.set(schema, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  }

  // "/financing/v1/applications/{applicationId}/order" → a pattern matching one path segment per parameter.
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

  function request(method: string, pathAndQuery: string, body: unknown): RequestCheck {
    const url = new URL(pathAndQuery, "http://base");
    const found = templates.find((t) => t.pattern.test(url.pathname));
    const op: Operation | undefined = found && spec.paths[found.template][method.toLowerCase()];
    if (!found || !op) {
      return { operation: null, schema: null, problems: [`${method} ${url.pathname} is not in the spec`] };
    }
    const operation = `${method} ${found.template}`;
    const issues: string[] = [];
    const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
    for (const name of url.searchParams.keys())
      if (!query.includes(name)) issues.push(`query parameter ${name} is not in the spec`);
    const content = op.requestBody?.content ?? {};
    const ref = Object.values(content)[0]?.schema?.$ref;
    const schema = ref ? ref.replace("#/components/schemas/", "") : null;
    if (schema) issues.push(...problems(schema, body));
    else if (body !== undefined && JSON.stringify(body) !== "{}")
      issues.push(`${operation} takes no body, got ${JSON.stringify(body).slice(0, 80)}`);
    return { operation, schema, problems: issues };
  }

  return { problems, request };
}
