import { expect, test } from "@playwright/test";
import { E2E_SECRETS } from "./secrets";

// The embedded sandbox is served by the built app under /sandbox, over real HTTP.
test("the app serves the Skip Pay sandbox API under /sandbox", async ({ request }) => {
  const health = await request.get("/sandbox/v1/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).projectVersion).toContain("sandbox");

  const unauthorized = await request.get("/sandbox/financing/v1/orders?orderNumber=VR-2026-1101");
  expect(unauthorized.status()).toBe(401);

  const login = await request.post("/sandbox/authentication/v1/partner", {
    data: { username: E2E_SECRETS.SANDBOX_USERNAME, password: E2E_SECRETS.SANDBOX_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = await login.json();
  const lookup = await request.get("/sandbox/financing/v1/orders?orderNumber=VR-2026-1101", {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  // The demo seed ran at boot.
  expect(lookup.status()).toBe(200);
  expect((await lookup.json()).applicationInfo.stateReason).toBe("READY_TO_SHIP");
});
