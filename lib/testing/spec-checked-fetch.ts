// Test-only: a fetch for the Skip Pay client that checks every request against the official spec's request schema
// for its operation (and its path and query) before sending it on unchanged. Integration tests give it to the
// client and assert after each test that nothing the admin sent broke Skip Pay's contract.
import { loadSpecValidator, type SpecValidator } from "./openapi";

export interface SpecCheckedFetch {
  fetch: typeof fetch;
  /** Operations checked so far ("PUT /financing/v1/applications/{applicationId}/order/send"). */
  operations: Set<string>;
  /** Fails the test if any request since the last call broke the spec; clears the list. */
  expectConforming(): void;
}

// Where the API's own path starts in a URL, whatever base URL (…/sandbox, a stub server) the client was given.
const API_PATH = /\/(authentication|financing|v1|control)\/.*$/;

export function specCheckedFetch(spec: SpecValidator = loadSpecValidator()): SpecCheckedFetch {
  const operations = new Set<string>();
  let violations: string[] = [];
  const checked: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    const relative = `${url.pathname.match(API_PATH)?.[0] ?? url.pathname}${url.search}`;
    // The embedded sandbox's control endpoints are not part of Skip Pay's API.
    if (!relative.startsWith("/control/")) {
      const body = typeof init?.body === "string" && init.body !== "" ? JSON.parse(init.body) : undefined;
      const check = spec.request(method, relative, body);
      if (check.operation) operations.add(check.operation);
      if (check.problems.length > 0)
        violations.push(
          `${method} ${relative}: ${check.problems.join("; ")} — ${String(init?.body).slice(0, 200)}`,
        );
    }
    return fetch(input, init);
  };
  return {
    fetch: checked,
    operations,
    expectConforming() {
      const found = violations;
      violations = [];
      if (found.length > 0)
        throw new Error(`The client sent what Skip Pay's spec does not allow:\n${found.join("\n")}`);
    },
  };
}
