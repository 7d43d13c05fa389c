// The master-key probe (spec 11): send every master key as the candidate answer, for a few
// question/reference pairs, to a reference judge and report how often it says YES (a false positive:
// a content-free answer must never be accepted).
import type { ReferenceJudge } from '../judge.js';
import { PROBE_ITEMS, probeKeys } from './master-keys.js';

export interface ProbeKeyResult {
  key: string;
  trials: number;
  falsePositives: number;
  falsePositiveRate: number;
}

export interface ProbeReport {
  judge: string;
  perKey: ProbeKeyResult[];
  trials: number;
  falsePositives: number;
  /** Over all keys and items. */
  falsePositiveRate: number;
  calls: number;
  cost: number;
}

export interface ProbeOptions {
  /** @default probeKeys(): the listed master keys (with the empty string) and generated content-free variants */
  keys?: readonly string[];
  /** @default PROBE_ITEMS */
  items?: ReadonlyArray<{ question: string; reference: string }>;
  runId?: string;
}

export async function probeReferenceJudge(judge: ReferenceJudge, options: ProbeOptions = {}): Promise<ProbeReport> {
  const keys = options.keys ?? probeKeys();
  const items = options.items ?? PROBE_ITEMS;
  const perKey: ProbeKeyResult[] = [];
  let calls = 0;
  let cost = 0;
  for (const [k, key] of keys.entries()) {
    let fp = 0;
    for (const [i, item] of items.entries()) {
      const r = await judge.judge({ ...item, candidate: key }, { turn: k * items.length + i, ...(options.runId ? { runId: options.runId } : {}) });
      calls += r.calls;
      cost += r.cost;
      if (r.verdict === 'YES') fp++;
    }
    perKey.push({ key, trials: items.length, falsePositives: fp, falsePositiveRate: items.length === 0 ? 0 : fp / items.length });
  }
  const trials = perKey.reduce((a, p) => a + p.trials, 0);
  const falsePositives = perKey.reduce((a, p) => a + p.falsePositives, 0);
  return { judge: judge.metadata.name, perKey, trials, falsePositives, falsePositiveRate: trials === 0 ? 0 : falsePositives / trials, calls, cost };
}
