// The writer's cheap default guard: JSON.stringify turns NaN and ±Infinity into null, which the
// reader then rejects, so one bad metric would make a whole trace unreadable. Finding them costs
// a fraction of a full schema check (see bench/results/trace-write.md).
import { formatPath } from '../core/zod-issues.js';

/** Path (e.g. `events.payoffs.alice`) of the first non-finite number inside `value`, if any. */
export function nonFinitePath(value: unknown, prefix: string): string | undefined {
  const path: Array<string | number> = [];
  return walk(value, path) ? formatPath(path, prefix) : undefined;
}

function walk(value: unknown, path: Array<string | number>): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      if (walk(value[i], path)) return true;
      path.pop();
    }
    return false;
  }
  for (const key in value) {
    path.push(key);
    if (walk((value as Record<string, unknown>)[key], path)) return true;
    path.pop();
  }
  return false;
}
