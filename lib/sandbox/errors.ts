// Errors the simulated API answers with, in Skip Pay's error envelope.

export type SandboxStatus = 400 | 401 | 404 | 405 | 422 | 429 | 500 | 503;

export class SandboxError extends Error {
  constructor(
    readonly status: SandboxStatus,
    readonly code: string,
    message: string,
    readonly attribute?: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

/** 400 INVALID_REQUEST: the request is malformed; `attribute` is the JSON path of the offending field. */
export function invalidRequest(message: string, attribute?: string): SandboxError {
  return new SandboxError(400, "INVALID_REQUEST", message, attribute);
}

/** 422 NOT_SUPPORTED: well-formed, but not possible in the application's or item's current state. */
export function notSupported(message: string, attribute?: string): SandboxError {
  return new SandboxError(422, "NOT_SUPPORTED", message, attribute);
}

export function unprocessable(message: string, attribute?: string): SandboxError {
  return new SandboxError(422, "UNPROCESSABLE", message, attribute);
}

export function notFound(code: "OBJECT_NOT_FOUND" | "APPLICATION_NOT_FOUND", message: string): SandboxError {
  return new SandboxError(404, code, message);
}
