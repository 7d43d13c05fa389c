// `polis judge` with log-probability kinds on a real node-llama-cpp model (the designed GGUF the project
// writes itself): the scores in the judged trace equal the reward functions called directly on the same
// conversation, and the scorer path in the config resolves against the working directory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlamaScorer } from '../../../src/local-models/llama-scorer.js';
import { agreementProbability, followUpLikelihoodReward } from '../../../src/local-models/rewards/index.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { TraceWriter } from '../../../src/traces/trace-writer.js';
import { cli } from '../../helpers/cli.js';
import { writeTinyModels, type TinyModels } from '../../local-models/tiny-models.js';
import { dialogueTrace } from './dialogue-trace.js';

let models: TinyModels;
beforeAll(() => {
  models = writeTinyModels();
});
afterAll(() => models.cleanup());

describe('polis judge with local scorer kinds', () => {
  it('writes agreement and follow-up scores equal to the direct reward functions', async () => {
    const { header, events } = await dialogueTrace();
    const trace = join(models.dir, 'trace.jsonl');
    const writer = TraceWriter.create(trace, header);
    for (const { seq: _seq, ...e } of events) writer.append(e as never);
    writer.close();
    writeFileSync(
      join(models.dir, 'judge.yaml'),
      [
        'judges:',
        '  - { kind: agreement, name: p-yes, scorer: "local:designed.gguf", perspective: quinn, question: "Will you plant trees? Answer Yes or No.", targets: { agents: [pat] }, reward: {} }',
        '  - { kind: follow-up, name: flr, scorer: "local:designed.gguf", categories: [correctness], targets: { agents: [pat] } }',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await cli(['judge', trace, '--config', 'judge.yaml', '--json'], models.dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ judgeScores: 4, rewards: 2, calls: 0 });

    const judged = await readTrace(join(models.dir, 'judged.jsonl'));
    const score = (judge: string) => judged.events.flatMap((e) => (e.type === 'judge-score' && e.judge === judge ? [e.scores.score as number] : []));
    const scorer = await LlamaScorer.create({ model: models.designed });
    const question = { role: 'user' as const, content: 'Will you plant trees? Answer Yes or No.' };
    const quinnView = [
      { role: 'user' as const, content: 'Why should I plant trees this weekend?' },
      { role: 'user' as const, content: 'Because one afternoon of work gives the street shade for decades.' },
    ];
    // from quinn's view its own line is the assistant's and pat's the user's: the model answers as quinn
    const first = await agreementProbability(scorer, [{ role: 'assistant', content: quinnView[0]!.content }, quinnView[1]!, question]);
    expect(score('p-yes')[0]).toBeCloseTo(first.agreement, 6);
    const flr = await followUpLikelihoodReward(scorer, [{ role: 'user', content: 'Why should I plant trees this weekend?' }, { role: 'assistant', content: 'Because one afternoon of work gives the street shade for decades.' }], { categories: ['correctness'] });
    expect(score('flr')[0]).toBeCloseTo(flr.reward, 6);
    expect(judged.header.models['judge:p-yes']).toEqual({ provider: 'local', modelId: 'local:designed.gguf' });
  });
});
