// The hash gate on its own: how many hashes run at once, who is refused, and who goes first.
import { describe, expect, it, vi } from "vitest";
import { HashGate } from "./hash-gate";

/** Work that finishes when the test says so. */
function held() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("hash gate", () => {
  it("runs at most `running` anonymous hashes at once; the next starts when one ends", async () => {
    const gate = new HashGate({ running: 2, admitted: { known: 8, anonymous: 8 }, anonymousShare: 1 });
    const jobs = [held(), held(), held()];
    const started: number[] = [];
    const runs = jobs.map((job, i) =>
      gate.run("anonymous", () => {
        started.push(i);
        return job.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.state().waiting.anonymous).toBe(1);
    jobs[0]?.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const job of jobs) job.finish();
    await Promise.all(runs);
    expect(gate.state()).toMatchObject({ running: 0, waiting: { internal: 0, known: 0, anonymous: 0 } });
  });

  it("lets a known browser's hash start at once while strangers' fill their slots and queue", async () => {
    const gate = new HashGate({ running: 1, admitted: { known: 8, anonymous: 8 }, anonymousShare: 1 });
    const stranger = held();
    const strangers = [gate.run("anonymous", stranger.work), gate.run("anonymous", async () => "later")];
    await tick();
    expect(gate.state()).toMatchObject({ running: 1, waiting: { anonymous: 1 } });
    expect(await gate.run("known", async () => "staff")).toBe("staff");
    stranger.finish();
    expect(await Promise.all(strangers)).toEqual([undefined, "later"]);
  });

  it("refuses a sign-in when its lane is full, until a place is given back", () => {
    const gate = new HashGate({ running: 1, admitted: { known: 1, anonymous: 2 }, anonymousShare: 1 });
    const first = gate.admit("anonymous");
    const second = gate.admit("anonymous");
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(gate.admit("anonymous")).toBeNull();
    // A full anonymous lane does not hold back a browser known for its account.
    expect(gate.admit("known")).not.toBeNull();
    first?.release();
    first?.release();
    expect(gate.state().admitted.anonymous).toBe(1);
    expect(gate.admit("anonymous")).not.toBeNull();
    expect(gate.admit("anonymous")).toBeNull();
    expect(gate.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
  });

  it("hands free slots to the server's own hashes first, then known browsers', then the rest, each in order", async () => {
    const gate = new HashGate({ running: 1, admitted: { known: 8, anonymous: 8 }, anonymousShare: 1 });
    // Both slots taken: the anonymous one and the one more that known browsers may use.
    const anonymous = held();
    const known = held();
    const blockers = [gate.run("anonymous", anonymous.work), gate.run("known", known.work)];
    const order: string[] = [];
    const queued = (
      [
        ["anonymous", "a1"],
        ["known", "k1"],
        ["anonymous", "a2"],
        ["internal", "i1"],
        ["known", "k2"],
      ] as const
    ).map(([lane, name]) =>
      gate.run(lane, async () => {
        order.push(name);
      }),
    );
    await tick();
    expect(order).toEqual([]);
    known.finish();
    await tick();
    // The anonymous slot is still taken: only the others have gone.
    expect(order).toEqual(["i1", "k1", "k2"]);
    anonymous.finish();
    await Promise.all([...blockers, ...queued]);
    expect(order).toEqual(["i1", "k1", "k2", "a1", "a2"]);
  });

  it("rests an anonymous slot between hashes while more wait — never after a lone one, never for known browsers", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    try {
      const gate = new HashGate({ running: 1, admitted: { known: 8, anonymous: 8 }, anonymousShare: 0.5 });
      const lone = held();
      const alone = gate.run("anonymous", lone.work);
      await vi.advanceTimersByTimeAsync(200);
      lone.finish();
      await alone;
      expect(gate.state().resting).toBe(0);

      const first = held();
      const started: string[] = [];
      const one = gate.run("anonymous", () => {
        started.push("one");
        return first.work();
      });
      const two = gate.run("anonymous", async () => {
        started.push("two");
      });
      await vi.advanceTimersByTimeAsync(200);
      first.finish();
      await one;
      // Half its time hashing: the slot rests as long as the hash took.
      expect(gate.state()).toMatchObject({ running: 0, resting: 1 });
      expect(await gate.run("known", async () => "staff")).toBe("staff");
      await vi.advanceTimersByTimeAsync(199);
      expect(started).toEqual(["one"]);
      await vi.advanceTimersByTimeAsync(2);
      await two;
      expect(started).toEqual(["one", "two"]);
      expect(gate.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("frees the slot when a hash fails", async () => {
    const gate = new HashGate({ running: 1, admitted: { known: 1, anonymous: 1 }, anonymousShare: 1 });
    await expect(gate.run("anonymous", () => Promise.reject(new Error("broken hash")))).rejects.toThrow(
      "broken hash",
    );
    expect(await gate.run("anonymous", async () => "next")).toBe("next");
    expect(gate.state().running).toBe(0);
  });
});
