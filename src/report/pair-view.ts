// Two traces side by side (a fork and its parent, a rerun and its original): `diffTraces` (what
// `polis diff` uses) finds the first divergence, of the headers (a fork's config always differs) and of
// the events; rounds from the first divergent event on are aligned with deltas b - a.
import { diffTraces } from '../traces/trace-diff.js';
import { readTrace } from '../traces/trace-reader.js';
import type { PairView, RunView, Series } from './report-data.js';
import { runView, traceFileOf } from './run-view.js';

export async function pairView(pathA: string, pathB: string): Promise<PairView> {
  const [fileA, fileB] = [traceFileOf(pathA), traceFileOf(pathB)];
  const [a, b, ta, tb] = await Promise.all([runView(fileA, pathA), runView(fileB, pathB), readTrace(fileA), readTrace(fileB)]);
  const diff = diffTraces(ta, tb);
  const events = diffTraces({ events: ta.events }, { events: tb.events }).firstDivergence;
  const divergenceRound = events === undefined ? null : (ta.events[events.seq] ?? tb.events[events.seq])!.time;
  return { kind: 'pair', a, b, diff, ...(events ? { eventDivergence: events } : {}), divergenceRound, aligned: align(a, b, divergenceRound) };
}

/** Rounds from `from` on (all rounds when identical), with `payoffs.<agent>` and `metrics.<name>` deltas. */
export function align(a: RunView, b: RunView, from: number | null): PairView['aligned'] {
  const rounds = [...new Set([...a.rounds, ...b.rounds])].filter((r) => from === null || r >= from).sort((x, y) => x - y);
  const deltas: Series = {};
  const add = (prefix: string, sa: Series, sb: Series, carry: boolean) => {
    for (const name of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
      deltas[`${prefix}.${name}`] = rounds.map((r) => {
        const va = valueAt(a.rounds, sa[name], r, carry);
        const vb = valueAt(b.rounds, sb[name], r, carry);
        return va === null || vb === null ? null : vb - va;
      });
    }
  };
  add('payoffs', a.payoffs, b.payoffs, true);
  add('metrics', a.metrics, b.metrics, false);
  return { rounds, deltas };
}

/** The series' value at `round`; with `carry`, the last value at or before it (cumulative series). */
function valueAt(rounds: number[], values: Array<number | null> | undefined, round: number, carry: boolean): number | null {
  if (!values) return null;
  let found: number | null = null;
  for (let i = 0; i < rounds.length && rounds[i]! <= round; i++) {
    if (rounds[i] === round || carry) found = values[i] ?? found;
  }
  return found;
}
