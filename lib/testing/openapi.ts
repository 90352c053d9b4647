// Validates response bodies against Skip Pay's official OpenAPI spec (../shared/reference, outside this repo;
// it is read, never copied). When the file is absent the validator says so loudly and checks nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

export const SPEC_PATH = path.resolve(import.meta.dirname, "../../../shared/reference/skippay-openapi.yaml");

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

export interface SpecValidator {
  available: boolean;
  /** Problems with `body` as the named component schema; [] when it conforms (or the spec is absent). */
  problems(schema: string, body: unknown): string[];
}

export function loadSpecValidator(): SpecValidator {
  if (!existsSync(SPEC_PATH)) {
    console.warn(
      `\n⚠️  ${SPEC_PATH} is missing: responses are NOT validated against the official OpenAPI spec.\n`,
    );
    return { available: false, problems: () => [] };
  }
  const spec = parse(readFileSync(SPEC_PATH, "utf8"));
  const schemas = structuredClone(spec.components.schemas);
  // Three defects in the published spec, patched here so that conforming bodies validate:
  // 1. CustomerResponse_allOf lists "type" as required, but defines no such property for a customer.
  schemas.CustomerResponse_allOf.required = schemas.CustomerResponse_allOf.required.filter(
    (r: string) => r !== "type",
  );
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
  return {
    available: true,
    problems(schema, body) {
      let validate = cache.get(schema);
      if (!validate) {
        if (!$defs[schema]) throw new Error(`no schema ${schema} in the spec`);
        validate = ajv.compile({ $ref: `#/$defs/${schema}`, $defs });
        cache.set(schema, validate);
      }
      return validate(body)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
    },
  };
}
