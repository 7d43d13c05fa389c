// The matrix game's history is a linked list in memory (O(1) per round and per observation, the
// tournament's hot path) but a flat list in JSON: nesting one object per round would make a 5,000-round
// observation too deep for JSON.stringify and cost O(rounds) bytes per level in a trace. A node's JSON is
// the rounds up to it, oldest first, one flat record each; `reviveRounds` turns that (or a v1 trace's
// nested form) back into the linked list.
import type { RoundNode } from './matrix-state.js';

/** One round as JSON: seat-order actions and payoffs with running totals, without the link. */
export type RoundRecord = Omit<RoundNode, 'prev'>;

/** The node of the last serialised chains: the two seats' observations and the checkpoint share one. */
let cachedNode: RoundNode | undefined;
let cachedRecords: RoundRecord[] = [];

class Round implements RoundNode {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly pa: number,
    readonly pb: number,
    readonly ta: number,
    readonly tb: number,
    readonly da: number,
    readonly db: number,
    readonly prev: RoundNode | null,
  ) {}

  toJSON(): RoundRecord[] {
    if (cachedNode === this) return cachedRecords;
    // The usual case: the previous round was serialised last, so this is one record more.
    const records = cachedNode !== undefined && cachedNode === this.prev ? cachedRecords.concat([recordOf(this)]) : recordsOf(this);
    cachedNode = this;
    cachedRecords = records;
    return records;
  }
}

function recordOf(n: RoundNode): RoundRecord {
  return Object.freeze({ a: n.a, b: n.b, pa: n.pa, pb: n.pb, ta: n.ta, tb: n.tb, da: n.da, db: n.db });
}

function recordsOf(last: RoundNode): RoundRecord[] {
  const out: RoundRecord[] = [];
  for (let n: RoundNode | null = last; n; n = n.prev) out.push(recordOf(n));
  return out.reverse();
}

/** A new round on top of `prev`. */
export function roundNode(r: RoundRecord, prev: RoundNode | null): RoundNode {
  return new Round(r.a, r.b, r.pa, r.pb, r.ta, r.tb, r.da, r.db, prev);
}

/** The linked list from its JSON (records oldest first), from a v1 nested node, or null. */
export function reviveRounds(json: unknown): RoundNode | null {
  if (json === null || json === undefined) return null;
  if (json instanceof Round) return json;
  let records: RoundRecord[];
  if (Array.isArray(json)) {
    records = json as RoundRecord[];
  } else {
    records = [];
    for (let n = json as RoundNode | null; n; n = n.prev) records.push(n);
    records.reverse();
  }
  let node: RoundNode | null = null;
  for (const r of records) node = roundNode(r, node);
  return node;
}
