// Bounds the password hashing the server does at once. Each scrypt hash takes a core for ≈185 ms, and every sign-in
// attempt costs one — for an unknown e-mail too, so that a refusal takes as long as a wrong password. Unbounded, a
// flood of sign-ins takes every core from the pages. Attempts are admitted up to a short queue per lane and
// refused beyond it at once (503 with Retry-After), before any work. Anonymous attempts hash a few at a time, and
// while more of them wait, each slot rests between hashes, so that a flood gets only a share of those cores; a
// browser known for its account (and the server's own hashing) may use one slot more and goes first, so a flood
// never makes a staff member wait for strangers' hashes (see docs/security.md).

/**
 * Whose hash it is: `known` — a sign-in from a browser with a genuine device cookie for the account (./throttle.ts);
 * `anonymous` — any other sign-in; `internal` — the server's own (an admin setting a password), never refused.
 */
export type Lane = "internal" | "known" | "anonymous";
export type SignInLane = Exclude<Lane, "internal">;

export interface GateLimits {
  /** Anonymous hashes that run at once; known browsers' and the server's own may run one more. */
  running: number;
  /** Sign-in attempts admitted at once per lane (running or waiting); more are refused. */
  admitted: Record<SignInLane, number>;
  /**
   * The share of its time an anonymous slot spends hashing while more anonymous attempts wait (1: no rest). A
   * lone attempt never waits for it.
   */
  anonymousShare: number;
}

/** A place for one sign-in attempt, taken before any work. */
export interface Ticket {
  readonly lane: SignInLane;
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back (again is harmless). */
  release(): void;
}

/** Half the cores, at least one, of which a flood gets half: the rest stay free for pages. */
export function defaultLimits(cores: number): GateLimits {
  return {
    running: Math.max(1, Math.floor(cores / 2)),
    admitted: { known: 8, anonymous: 8 },
    anonymousShare: 0.5,
  };
}

const FIRST_TO_LAST = ["internal", "known", "anonymous"] as const;

export class HashGate {
  #running = 0;
  /** Anonymous slots resting after a hash. */
  #resting = 0;
  readonly #waiting: Record<Lane, (() => void)[]> = { internal: [], known: [], anonymous: [] };
  readonly #admitted: Record<SignInLane, number> = { known: 0, anonymous: 0 };
  /** A moving average of one hash, for Retry-After. */
  #hashMs = 200;

  constructor(readonly limits: GateLimits) {}

  /** Whether `lane` has no place left now. */
  full(lane: SignInLane): boolean {
    return this.#admitted[lane] >= this.limits.admitted[lane];
  }

  /** A place in `lane`, or null when the lane is full. */
  admit(lane: SignInLane): Ticket | null {
    if (this.full(lane)) return null;
    this.#admitted[lane] += 1;
    let held = true;
    return {
      lane,
      run: (work) => this.run(lane, work),
      release: () => {
        if (!held) return;
        held = false;
        this.#admitted[lane] -= 1;
      },
    };
  }

  /** Whether a hash of `lane` may start now: anonymous ones in free slots, the others in one more (resting or not). */
  #mayStart(lane: Lane): boolean {
    return lane === "anonymous"
      ? this.#running + this.#resting < this.limits.running
      : this.#running < this.limits.running + 1;
  }

  /** Runs `work` once a hash of its lane may run: at once if one may, else after those queued before it. */
  async run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    if (this.#mayStart(lane)) this.#running += 1;
    else await new Promise<void>((resolve) => this.#waiting[lane].push(resolve));
    const started = performance.now();
    try {
      return await work();
    } finally {
      const took = performance.now() - started;
      this.#hashMs = 0.8 * this.#hashMs + 0.2 * took;
      this.#running -= 1;
      if (lane === "anonymous" && this.#waiting.anonymous.length > 0 && this.limits.anonymousShare < 1) {
        this.#resting += 1;
        setTimeout(
          () => {
            this.#resting -= 1;
            this.#startWaiting();
          },
          took * (1 / this.limits.anonymousShare - 1),
        );
      }
      this.#startWaiting();
    }
  }

  /** Starts whoever may start now: the server's own first, then known browsers', then the rest, each in order. */
  #startWaiting() {
    for (const lane of FIRST_TO_LAST) {
      while (this.#waiting[lane].length > 0 && this.#mayStart(lane)) {
        this.#running += 1;
        this.#waiting[lane].shift()?.();
      }
    }
  }

  /** Seconds until the anonymous attempts admitted now have been hashed: when a refused one may try again. */
  retryAfterSeconds(): number {
    const perHash = this.#hashMs / this.limits.anonymousShare / this.limits.running;
    return Math.max(1, Math.ceil((this.#admitted.anonymous * perHash) / 1000));
  }

  /** What is going on, for tests. */
  state() {
    return {
      running: this.#running,
      resting: this.#resting,
      admitted: { ...this.#admitted },
      waiting: {
        internal: this.#waiting.internal.length,
        known: this.#waiting.known.length,
        anonymous: this.#waiting.anonymous.length,
      },
    };
  }
}
