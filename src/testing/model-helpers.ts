// Helpers for tests of code that calls models: build a scripted model in one line, collect the records
// a stack emits, and a sleep that never waits but remembers what it was asked.
import type { ModelCallRecord } from '../models/replay/replay-client.js';
import { type ScriptedAnswer, ScriptedClient, type ScriptedClientOptions } from '../models/scripted/scripted-client.js';

/** A scripted model answering `answers` in order (`cycle` repeats them), with any other options. */
export function scriptedModel(answers: ScriptedAnswer[], options: ScriptedClientOptions & { cycle?: boolean } = {}): ScriptedClient {
  return new ScriptedClient({ ...options, sequence: answers, whenExhausted: options.cycle ? 'cycle' : (options.whenExhausted ?? 'error') });
}

/** A recording sink: pass `onCall` to withRecording / createModelStack, then read `records`. */
export function recordCalls(): { records: ModelCallRecord[]; onCall: (record: ModelCallRecord) => void } {
  const records: ModelCallRecord[] = [];
  return { records, onCall: (record) => void records.push(record) };
}

export interface FakeSleep {
  (ms: number, signal?: AbortSignal): Promise<void>;
  /** Every delay asked for, in order. */
  readonly calls: number[];
  /** Sum of the delays. */
  readonly total: number;
}

/** A sleep that resolves at once and records the requested delays (for retry and latency tests). */
export function fakeSleep(): FakeSleep {
  const calls: number[] = [];
  const sleep = (async (ms: number) => {
    calls.push(ms);
  }) as FakeSleep;
  Object.defineProperty(sleep, 'calls', { get: () => calls });
  Object.defineProperty(sleep, 'total', { get: () => calls.reduce((a, b) => a + b, 0) });
  return sleep;
}
