// The layout rules `npm test` checks (dependency-cruiser): no import cycles, and imports only point down —
// pure rules in lib/orders know nothing of the journal, the database, HTTP or React; HTTP to Skip Pay only in
// lib/skippay; the simulator in lib/sandbox knows nothing of the admin; components only render and collect input.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "orders-are-pure",
      comment: "lib/orders: rules only — no journal, database, Skip Pay client, sandbox, auth or React",
      severity: "error",
      from: { path: "^lib/orders/" },
      to: { path: "^(lib/(operations|db|sandbox|auth|applications|config)|components|app)/|^react|^next" },
    },
    {
      name: "skippay-stands-alone",
      comment: "lib/skippay: the only HTTP to Skip Pay, depending on nothing of the admin",
      severity: "error",
      from: { path: "^lib/skippay/" },
      to: { path: "^(lib/(orders|operations|db|sandbox|auth|applications)|components|app)/" },
    },
    {
      name: "sandbox-knows-no-admin",
      comment: "lib/sandbox simulates Skip Pay: it may use the database, never the admin's rules or journal",
      severity: "error",
      from: { path: "^lib/sandbox/" },
      to: { path: "^(lib/(orders|operations|auth|applications)|components|app)/" },
    },
    {
      name: "db-below-everything",
      comment: "lib/db is persistence: it never calls up into the journal, the sandbox or the UI",
      severity: "error",
      from: { path: "^lib/db/" },
      to: { path: "^(lib/(operations|sandbox|applications|auth)|components|app)/" },
    },
    {
      name: "mail-sends-only",
      comment: "lib/mail sends customer e-mails: it may read the journal and word the message, never the UI",
      severity: "error",
      from: { path: "^lib/mail/" },
      to: { path: "^(lib/(sandbox|applications|auth)|components|app)/" },
    },
    {
      name: "below-mail",
      comment: "the rules, the database, the journal and the Skip Pay client never call up into lib/mail",
      severity: "error",
      from: { path: "^lib/(orders|db|operations|skippay|sandbox)/" },
      to: { path: "^lib/mail/" },
    },
    {
      name: "no-wire-schemas-in-the-browser",
      comment:
        "components take Skip Pay's enums from lib/skippay/enums: the wire schemas and zod would join every page",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/skippay/schemas", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-render",
      comment: "components never reach the server's modules (database, journal service, Skip Pay client)",
      severity: "error",
      from: { path: "^components/" },
      to: {
        path: "^(lib/(db|sandbox|applications|config)|app)/|^lib/operations/(?!types)|^lib/mail/(?!types)|^lib/skippay/(client|errors)",
        dependencyTypesNot: ["type-only"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|e2e|bench)/|\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
