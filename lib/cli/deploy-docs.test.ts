// docs/deploy.md shows the load balancer's configuration: it must be the file the benchmark runs, word for word.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("docs/deploy.md shows deploy/haproxy.cfg exactly as the benchmark starts it", () => {
  const config = readFileSync(path.join(ROOT, "deploy/haproxy.cfg"), "utf8").trim();
  const docs = readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8");
  const shown = docs.match(/```haproxy\n([\s\S]*?)\n```/)?.[1];
  expect(shown).toBe(config);
  expect(readFileSync(path.join(ROOT, "bench/p6-instances.ts"), "utf8")).toContain('"deploy/haproxy.cfg"');
});
