// The refusal page at an address of its own (the benchmarks' lightest signed-in page). A refused page shows the
// same card in place, with status 403 (`forbidden()` in lib/auth/session).
export { default } from "../forbidden";
