// The wall clock is a parameter so that deterministic code (engine, games, judges) never reads time
// directly; tests pass a fixed clock.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `start` and advances by `step` ms each time it is read. */
export function fixedClock(start = 0, step = 0): Clock {
  let t = start;
  return {
    now() {
      const v = t;
      t += step;
      return v;
    },
  };
}
