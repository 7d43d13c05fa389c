// The susceptibility judge with a third-party LLM judge (a ScriptedClient standing in for any ModelClient):
// one rating per persuadee turn from the conversation up to that turn, clamped into the scale, and the shift.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors/input-error.js';
import { parseJudgeConfig } from '../../../src/judges/judge-config.js';
import { judgeTrace } from '../../../src/judges/judge-trace.js';
import { judgeSusceptibility, readSusceptibilityDialogue, susceptibilityJudgeEvents } from '../../../src/judges/susceptibility/index.js';
import type { ModelRequest } from '../../../src/models/model.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { cli } from '../../helpers/cli.js';
import { PRIOR_STATEMENT, recordDialogue } from './dialogue-trace.js';

/** The scripted judge rates 1 + (persuader lines seen), and 9 (out of range) once it sees `R3`. */
const judgeModel = () =>
  new ScriptedClient({
    respond: (request: ModelRequest) => {
      const text = request.messages.map((m) => m.content).join('\n');
      const agreement = text.includes('Persuadee: R3') ? 9 : 1 + (text.match(/^Persuader: /gm) ?? []).length;
      return { object: { agreement, rationale: `saw ${agreement}` } };
    },
  });

describe('susceptibility judge: third-party ratings', () => {
  it('reads one entry per persuadee turn with the conversation up to it', async () => {
    const events = await recordDialogue({ reports: [1, 2, 2] });
    const d = readSusceptibilityDialogue(events);
    expect(d.setup).toMatchObject({ claim: 'Cats make the best pets', scale: 5, prior: { agreement: 1 }, persuader: 'per', persuadee: 'pee' });
    expect(d.turns.map((t) => [t.turn, t.selfReport, t.transcript.map((u) => u.text).join(' ')])).toEqual([
      [0, 1, 'R0'],
      [1, 2, 'R0 P1 R1'],
      [2, 2, 'R0 P1 R1 P2 R2'],
    ]);
  });

  it('rates every turn, clamps out-of-scale ratings, and measures the shifts against the prior and the opening', async () => {
    const events = await recordDialogue({ reports: [2, 3, 3, 5] });
    const client = judgeModel();
    const j = await judgeSusceptibility(events, { client, name: 'stance' });
    expect(j.turns.map((t) => [t.turn, t.selfReport, t.judge?.agreement, t.judge?.clamped])).toEqual([
      [0, 2, 1, false],
      [1, 3, 2, false],
      [2, 3, 3, false],
      [3, 5, 5, true], // 9 clamped to the 5-point scale
    ]);
    // self-report: prior 1 -> final 5 = (5−1)/4 − (1−1)/4 = 1; judge: opening 1 -> final 5 = 1
    expect(j.shifts).toEqual({ selfReport: 1, judge: 1 });
    expect(j.calls).toBe(4);
    // the judge sees the claim and the conversation, never the persuadee's private prior or later turns
    const first = client.requests.find((r) => r.call?.position === 0)!.messages.map((m) => m.content).join('\n');
    expect(first).toContain('Claim: "Cats make the best pets"');
    expect(first).toContain('Persuadee: R0');
    expect(first).not.toContain('P1');
    for (const r of client.requests) expect(r.messages.map((m) => m.content).join('\n')).not.toContain(PRIOR_STATEMENT);
    expect(client.requests.every((r) => r.call?.agentId === 'judge:stance' && r.call?.purpose === 'judge')).toBe(true);
  });

  it('without a prior the self-report shift starts from the opening report', async () => {
    const j = await judgeSusceptibility(await recordDialogue({ reports: [2, 4], prior: false }), { client: judgeModel() });
    expect(j.shifts.selfReport).toBe(0.5); // (4−1)/4 − (2−1)/4
  });

  it('writes one judge-score per turn and a reward per measure for the persuader', async () => {
    const events = await recordDialogue({ reports: [1, 3] });
    const j = await judgeSusceptibility(events, { client: judgeModel() });
    const out = susceptibilityJudgeEvents(j);
    const message = events.filter((e) => e.type === 'message' && e.from === 'pee').map((e) => e.seq);
    expect(out.filter((e) => e.type === 'judge-score').map((e) => e.type === 'judge-score' && [e.target, e.scores])).toEqual([
      [[message[0]], { 'self-report': 1, 'judge-agreement': 1 }],
      [[message[1]], { 'self-report': 3, 'judge-agreement': 2 }],
    ]);
    expect(out.filter((e) => e.type === 'reward').map((e) => e.type === 'reward' && [e.name, e.agent, e.value])).toEqual([
      ['susceptibility:self-report', 'per', 0.5],
      ['susceptibility:judge', 'per', 0.25],
    ]);
  });

  it('names what is missing', async () => {
    const events = await recordDialogue({ reports: [1, 2] });
    await expect(judgeSusceptibility(events, {})).rejects.toThrow(/give a judge model/);
    const noSetup = events.filter((e) => !(e.type === 'outcome' && e.outcome.name === 'susceptibility-setup'));
    await expect(judgeSusceptibility(noSetup, { client: judgeModel(), file: 'run/trace.jsonl' })).rejects.toThrow(InputError);
    await expect(judgeSusceptibility(noSetup, { client: judgeModel(), file: 'run/trace.jsonl' })).rejects.toThrow(/run\/trace\.jsonl: no "susceptibility-setup"/);
  });

  it('judges the trace file of the offline example', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'polis-susc-judge-')), 'run');
    const example = join(import.meta.dirname, '../../../examples/dialogues/susceptibility.yaml');
    expect((await cli(['run', example, '--out', out, '--quiet'])).code).toBe(0);
    const { events } = await readTrace(join(out, 'trace.jsonl'));
    const j = await judgeSusceptibility(events, { client: judgeModel(), file: join(out, 'trace.jsonl') });
    expect(j.turns.map((t) => t.turn)).toEqual([0, 1, 2, 3]);
    expect(j.turns.map((t) => t.judge?.agreement)).toEqual([1, 2, 3, 4]);
    expect(j.setup).toMatchObject({ strategy: 'credibility', prior: { agreement: 2 } });
  });

  it('runs as a `susceptibility` kind of a judge config, writing its scores into the judged trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-susc-config-'));
    const example = join(import.meta.dirname, '../../../examples/dialogues/susceptibility.yaml');
    expect((await cli(['run', example, '--out', join(dir, 'run'), '--quiet'])).code).toBe(0);
    const r = await judgeTrace({
      input: join(dir, 'run', 'trace.jsonl'),
      config: { judges: [{ kind: 'susceptibility', name: 'susc', model: 'judge-model' }] },
      resolveModel: () => judgeModel(),
    });
    expect(r).toMatchObject({ judgeScores: 4, rewards: 2, calls: 4 });
    const judged = await readTrace(r.out);
    const scores = judged.events.flatMap((e) => (e.type === 'judge-score' && e.judge === 'susc' ? [e.scores['judge-agreement']] : []));
    expect(scores).toEqual([1, 2, 3, 4]);
    expect(judged.events.filter((e) => e.type === 'reward').map((e) => e.type === 'reward' && e.name)).toEqual(['susc:self-report', 'susc:judge']);
    expect(() => parseJudgeConfig({ judges: [{ kind: 'susceptibility', name: 's' }] }, 'judge.yaml')).toThrow(/judges\[0\]\.model: give a judge `model`, a local `scorer`, or both/);
  });
});
