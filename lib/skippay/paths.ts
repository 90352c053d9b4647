// Where each operation goes at Skip Pay (spec paths). Isomorphic: the client calls them, the confirmation shows them.

/** The application's resource path. */
export const applicationPath = (id: string) => `/financing/v1/applications/${encodeURIComponent(id)}`;

/** The endpoint of an operation on the application: `order/cancel`, …, or `cancel` for the whole application. */
export const operationPath = (id: string, operation: string) => `${applicationPath(id)}/${operation}`;
