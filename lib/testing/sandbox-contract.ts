// What the sandbox's contract tests share: a sandbox over real HTTP for the file's tests (started before them,
// closed after), signed in as the partner, a caller that keeps the answer's JSON, and a check against the spec.
import { afterAll, beforeAll, expect } from "vitest";
import { loadSpecValidator, type SpecValidator } from "./openapi";
import { type SandboxServer, startSandboxServer } from "./sandbox-server";

export interface Reply {
  status: number;
  /** The answer as JSON (any shape: tests read into it), or its text. */
  body: any;
}

export function sandboxContract() {
  let server: SandboxServer | undefined;
  let spec: SpecValidator | undefined;
  let token = "";

  async function call(method: string, path: string, body?: unknown): Promise<Reply> {
    if (!server) throw new Error("the sandbox is not started yet (call from a test or a hook)");
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json; charset=utf-8",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  }

  function conforms(schema: string, body: unknown) {
    expect(spec?.problems(schema, body), `${schema} per the official spec`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startSandboxServer();
    spec = loadSpecValidator();
    token = (await call("POST", "/authentication/v1/partner", { username: "sandbox", password: "sandbox" }))
      .body.accessToken;
  });
  afterAll(async () => {
    await server?.close();
  });

  return {
    call,
    conforms,
    baseUrl: () => server?.baseUrl ?? "",
  };
}
