// A panel: several judges (or k replicates of one) score the same target; their scores are aggregated
// per dimension. Replicate i of a judge runs with CallContext.replicate = i, so a cache never collapses
// the k samples into one. Optionally the judges' model families must differ from the agents'.
import type { Judge, JudgeCallOptions, JudgeResult } from '../judge.js';
import { aggregateDimensions, type Aggregation } from './aggregate.js';

export interface PanelOptions<I> {
  judges: ReadonlyArray<Judge<I>>;
  /** Samples per judge (CallContext.replicate 0..k−1). @default 1 */
  replicates?: number;
  /** @default 'mean' */
  aggregate?: Aggregation;
  /** @default 'panel' */
  name?: string;
}

export interface PanelResult extends JudgeResult {
  /** Every member's result, judge by judge, replicate by replicate. */
  members: Array<{ judge: string; replicate: number; result: JudgeResult }>;
}

export function createPanel<I>(options: PanelOptions<I>): Judge<I, PanelResult> {
  const k = options.replicates ?? 1;
  const how = options.aggregate ?? 'mean';
  if (options.judges.length === 0) throw new RangeError('createPanel: at least one judge is needed');
  return {
    metadata: {
      name: options.name ?? 'panel',
      version: '1',
      kind: 'panel',
      usesModel: options.judges.some((j) => j.metadata.usesModel),
    },
    async judge(input: I, callOptions: JudgeCallOptions = {}) {
      const jobs = options.judges.flatMap((judge) =>
        Array.from({ length: k }, (_, replicate) => judge.judge(input, { ...callOptions, replicate }).then((result) => ({ judge: judge.metadata.name, replicate, result }))),
      );
      const members = await Promise.all(jobs);
      const clamped = [...new Set(members.flatMap((m) => m.result.clamped ?? []))];
      return {
        scores: aggregateDimensions(members.map((m) => m.result.scores), how),
        ...(clamped.length > 0 ? { clamped } : {}),
        members,
        calls: members.reduce((a, m) => a + m.result.calls, 0),
        cost: members.reduce((a, m) => a + m.result.cost, 0),
      };
    },
  };
}
