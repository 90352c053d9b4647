import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations from lib/db/schema.ts; the app applies them itself at start.
export default defineConfig({
  dialect: "postgresql",
  // The admin's tables, and the embedded sandbox's (same database, its own module).
  schema: ["./lib/db/schema.ts", "./lib/sandbox/schema.ts"],
  out: "./lib/db/migrations",
});
