// Distinctive credentials for the e2e server and for the build `npm test` makes (lib/cli/test.mjs reads the same
// JSON), so a test can search the client build and every served page for them: the words "sandbox" or "secret"
// would match innocent text.
import secrets from "./secrets.json" with { type: "json" };

export const E2E_SECRETS: Readonly<
  Record<"SESSION_SECRET" | "SANDBOX_USERNAME" | "SANDBOX_PASSWORD", string>
> = secrets;
