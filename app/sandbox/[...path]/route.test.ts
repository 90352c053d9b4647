import { expect, it } from "vitest";

// This file runs in its own process: configure it as a production deployment pointed at the real API.
process.env.SKIPPAY_BASE_URL = "https://api.partner.skippay.cz";
process.env.SKIPPAY_USERNAME = "eshop";
process.env.SKIPPAY_PASSWORD = "secret";
process.env.SESSION_SECRET = "x".repeat(32);

it("answers 404 on every sandbox path when SKIPPAY_BASE_URL is not the embedded sandbox", async () => {
  const route = await import("./route");
  for (const [method, path] of [
    ["GET", ["v1", "health"]],
    ["POST", ["authentication", "v1", "partner"]],
    ["PUT", ["financing", "v1", "applications", "abc", "order", "return"]],
    ["POST", ["control", "faults"]],
  ] as const) {
    const handler = route[method];
    const response = await handler(new Request(`http://localhost/sandbox/${path.join("/")}`, { method }), {
      params: Promise.resolve({ path: [...path] }),
    });
    expect(response.status, `${method} /${path.join("/")}`).toBe(404);
  }
});
