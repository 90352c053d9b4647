// Runs once when a server instance starts: validate the configuration, open the database and apply migrations.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("@/lib/boot");
  await boot();
}
