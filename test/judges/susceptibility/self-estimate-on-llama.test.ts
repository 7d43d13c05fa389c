// The susceptibility judge's self-estimate on real node-llama-cpp: the designed GGUF model's next-token
// distribution is known in closed form (src/local-models/gguf/designed-model.ts), so the persuadee's
// normalised P("Yes") after each turn can be computed independently of llama.cpp and compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSusceptibility, readSusceptibilityDialogue, selfEstimatePrompt, susceptibilityJudgeEvents } from '../../../src/judges/susceptibility/index.js';
import { designedModelLogprobs } from '../../../src/local-models/gguf/designed-model.js';
import { loadLocalModel } from '../../../src/local-models/llama-runtime.js';
import { LlamaScorer } from '../../../src/local-models/llama-scorer.js';
import type { ChatMessage } from '../../../src/models/model.js';
import { writeTinyModels, type TinyModels } from '../../local-models/tiny-models.js';
import { PRIOR_STATEMENT, recordDialogue } from './dialogue-trace.js';

let models: TinyModels;
beforeAll(() => {
  models = writeTinyModels();
});
afterAll(() => models.cleanup());

describe('susceptibility judge: P("Yes") from a local model', () => {
  it('gives each turn the closed-form normalised P("Yes") of the persuadee prompt, and the shift from the opening', async () => {
    const events = await recordDialogue({ reports: [1, 2, 4], claim: 'Tea is good', persona: true });
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 2 });
    const { model } = await loadLocalModel(models.designed);
    const closedForm = (prompt: ChatMessage[], word: string): number => {
      const tokens = scorer.promptTokens(prompt);
      const cont = model.tokenize(word, false, 'trimLeadingSpace');
      const all = [...tokens, ...cont];
      return Math.exp(cont.reduce((s, t, j) => s + designedModelLogprobs(all[tokens.length + j - 1]!)[t]!, 0));
    };
    const dialogue = readSusceptibilityDialogue(events);
    const expected = dialogue.turns.map((t) => {
      const prompt = selfEstimatePrompt(dialogue, t);
      const yes = closedForm(prompt, 'Yes');
      const no = closedForm(prompt, 'No');
      return { pYes: yes, agreement: yes / (yes + no) };
    });

    // record what is scored: the designed model's next-token law depends on the last token only, so equal
    // values across turns alone would not show that each turn's own conversation was scored
    const scored: Array<{ prompt: unknown; continuation: string }> = [];
    const recording = { modelId: scorer.modelId, score: (r: Parameters<typeof scorer.score>[0]) => (scored.push(...r), scorer.score(r)) };
    const j = await judgeSusceptibility(events, { scorer: recording });
    expect(scored.filter((r) => r.continuation === 'Yes').map((r) => r.prompt)).toEqual(dialogue.turns.map((t) => selfEstimatePrompt(dialogue, t)));
    expect(scored.filter((r) => r.continuation === 'No')).toHaveLength(3);
    j.turns.forEach((t, i) => {
      expect(t.probability!.pYes).toBeCloseTo(expected[i]!.pYes, 6);
      expect(t.probability!.agreement).toBeCloseTo(expected[i]!.agreement, 4);
    });
    expect(j.shifts.probability).toBeCloseTo(expected[2]!.agreement - expected[0]!.agreement, 4);
    expect(j.calls).toBe(0);
    expect(susceptibilityJudgeEvents(j).filter((e) => e.type === 'reward').map((e) => e.type === 'reward' && e.name)).toEqual(['susceptibility:self-report', 'susceptibility:p-yes']);
  });

  it("scores the persuadee's own view: persona, stated prior and the conversation up to the turn", async () => {
    const events = await recordDialogue({ reports: [1, 2], persona: true });
    const d = readSusceptibilityDialogue(events);
    const text = selfEstimatePrompt(d, d.turns[0]!).map((m) => m.content).join('\n');
    expect(text).toContain('You are Kim, 30 years old.');
    expect(text).toContain(PRIOR_STATEMENT);
    expect(text).toContain('You: R0');
    expect(text).not.toContain('P1');
    expect(text.endsWith('Do you agree with the claim? Answer Yes or No.')).toBe(true);
  });
});
