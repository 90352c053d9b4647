// The staff and the order the operation service's tests share: two agents, two supervisors, a viewer, and a
// television with four mugs, under an approval limit of 5,000 Kč.
import type { Actor } from "@/lib/operations/service";

export const agent: Actor = { id: "u-agent", name: "Alena Králová", role: "agent" };
export const agent2: Actor = { id: "u-agent2", name: "Bohdan Říha", role: "agent" };
export const supervisor: Actor = { id: "u-sup", name: "Simona Dušková", role: "supervisor" };
export const supervisor2: Actor = { id: "u-sup2", name: "Stanislav Beneš", role: "supervisor" };
export const viewer: Actor = { id: "u-view", name: "Věra Pokorná", role: "viewer" };

export const LINES = [
  { code: "TV", name: "Televize", unitPrice: 1_499_000 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 4 },
];
export const TOTAL = 1_499_000 + 4 * 19_900;
export const LIMIT = 500_000;
