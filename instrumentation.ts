// Runs once when a server instance starts: validate the configuration, open the database and apply migrations,
// then start settling unclear operations on a schedule.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("@/lib/boot");
  await boot();
  const { startSettler } = await import("@/lib/operations/settler");
  startSettler();
}
