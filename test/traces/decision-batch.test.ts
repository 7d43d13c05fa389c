// Schema 3 writes a phase's scripted decisions as one `decisions` line. Readers must return exactly the
// events the per-event form holds (the streaming reader, the viewer's random access, type-filtered reads),
// a resumed writer must continue it, and a malformed line must be named.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { runGame } from '../../src/engine/run-game.js';
import type { TraceEvent } from '../../src/traces/event.js';
import { iterateTrace, readTrace } from '../../src/traces/trace-reader.js';
import { TracePages } from '../../src/traces/trace-pages.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { fnAgent } from '../helpers/agents.js';
import { pickGame, type PickObservation } from '../helpers/pick-game.js';
import { header, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

/** A run of `n` scripted agents drawing from their rng, one of them (`p1`) sometimes illegal, so defaulted. */
async function scriptedRun(file: string, n: number, rounds: number, options: { batchDecisions?: boolean; observations?: boolean } = {}): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const agents = ids.map((id) =>
    fnAgent<PickObservation, number>(id, (input) => {
      const pick = input.context.rng.int(0, 4) * 2 + 1;
      return { action: id === 'p1' && input.observation.round % 2 === 1 ? 2 : pick };
    }),
  );
  const writer = TraceWriter.create(file, header(), { batchDecisions: options.batchDecisions ?? true });
  await runGame({ game: pickGame({ agents: ids, rounds, mode: 'simultaneous', oddOnly: true }), agents, runId: 'r', seed: 3, sink: writer, clock: fixedClock(), maxRepairs: 0, recordObservations: options.observations ?? true });
  writer.close();
}

describe('decisions lines (schema 3)', () => {
  it('read back as the very events the per-event form holds, in a smaller file', async () => {
    for (const observations of [true, false]) {
      const batched = tmp.file(`batched-${observations}.jsonl`);
      const plain = tmp.file(`plain-${observations}.jsonl`);
      await scriptedRun(batched, 40, 4, { observations });
      await scriptedRun(plain, 40, 4, { observations, batchDecisions: false });
      const raw = readFileSync(batched, 'utf8');
      expect(raw).toContain('"type":"decisions"');
      expect(readFileSync(plain, 'utf8')).not.toContain('"type":"decisions"');
      const a = await readTrace(batched);
      const b = await readTrace(plain);
      expect(a.events).toEqual(b.events);
      // a defaulted action (p1's illegal even pick, no repairs) keeps its flag through the line
      expect(a.events.filter((e) => e.type === 'action' && e.agent === 'p1' && e.defaulted)).toHaveLength(2);
      expect(a.events.filter((e) => e.type === 'observation')).toHaveLength(observations ? 160 : 0);
      // one line per run of scripted seats: p1's invalid answer (its own event) splits a phase in two
      const decisionLines = raw.split('\n').filter((l) => l.includes('"type":"decisions"'));
      expect(decisionLines.length).toBeGreaterThanOrEqual(4);
      expect(decisionLines.length).toBeLessThanOrEqual(8);
      expect(statSync(batched).size).toBeLessThan(statSync(plain).size);
    }
  });

  it('are read by the viewer in any order, and by type-filtered reads', async () => {
    const file = tmp.file('pages.jsonl');
    await scriptedRun(file, 25, 3);
    const whole = (await readTrace(file)).events;
    const pages = await TracePages.open(file);
    try {
      expect(pages.count).toBe(whole.length);
      for (let seq = whole.length - 1; seq >= 0; seq -= 3) expect(pages.events(seq, seq + 1)).toEqual([whole[seq]]);
      expect(pages.events(0, 1e9)).toEqual(whole);
    } finally {
      pages.close();
    }
    for (const types of [['action'], ['run-end'], ['observation', 'checkpoint']]) {
      const kept: TraceEvent[] = [];
      for await (const e of iterateTrace(file, { types: new Set(types as TraceEvent['type'][]) })) if (e.type !== 'header') kept.push(e);
      expect(kept).toEqual(whole.filter((e) => types.includes(e.type)));
    }
  });

  it('continue after a resumed writer, and refuse a cut inside a line', async () => {
    const file = tmp.file('resume.jsonl');
    await scriptedRun(file, 6, 3);
    const events = (await readTrace(file)).events;
    const inside = events.find((e) => e.type === 'observation')!.seq; // its action follows on the same line
    expect(() => TraceWriter.openForAppend(file, { truncateAfterSeq: inside })).toThrow(/inside a line of decisions/);
    const checkpoint = events.filter((e) => e.type === 'checkpoint')[1]!;
    const writer = TraceWriter.openForAppend(file, { truncateAfterSeq: checkpoint.seq });
    // the phase-start the writer continues from is the one before the cut; the next phase's decisions batch again
    const phase = writer.append({ type: 'phase-start', time: 9, phase: { kind: 'simultaneous', agents: ['p0'], round: 9 } });
    const obs = writer.append({ type: 'observation', time: 9, agent: 'p0', observation: { round: 9, picksThisRound: {}, history: [] }, parents: [phase] });
    writer.append({ type: 'action', time: 9, agent: 'p0', action: 3, parents: [phase, obs] });
    writer.close();
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)).toMatch(/^\{"seq":\d+,"type":"decisions","n":2,/);
    const after = (await readTrace(file)).events;
    expect(after.slice(0, checkpoint.seq + 1)).toEqual(events.slice(0, checkpoint.seq + 1));
    expect(after.at(-1)).toMatchObject({ type: 'action', agent: 'p0', action: 3, parents: [phase, obs] });
  });

  it('a malformed line is named by line and field', async () => {
    const file = tmp.file('bad.jsonl');
    await scriptedRun(file, 3, 1);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"type":"decisions"'));
    expect(lines[at]).toMatch(/"n":6,/);
    lines[at] = lines[at]!.replace(/"n":6/, '"n":5');
    writeFileSync(file, lines.join('\n'));
    const error = await readTrace(file).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/expected n = 6 for 3 agents, found 5/);
    expect(error).toMatchObject({ line: at + 1, field: 'events.n' });
    const v2 = tmp.file('v2.jsonl');
    writeFileSync(v2, [JSON.stringify(header({ schemaVersion: 2 })), lines[at]!.replace(/"n":5/, '"n":6'), ''].join('\n'));
    await expect(readTrace(v2)).rejects.toThrow(/line 2/);
  });
});
