// Packed prompts unpack to exactly what was packed, whatever the texts (fast-check), and stay small when
// each prompt extends the last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRunPrompts, unpackRunPrompts } from '../../src/report/pack-prompts.js';
import type { RunView, TranscriptEntry } from '../../src/report/report-data.js';

function runWith(transcript: TranscriptEntry[]): RunView {
  return {
    kind: 'run', source: 's', runId: 'r', game: 'g', status: 'completed', createdAt: '', agents: [], rounds: [], payoffs: {}, metrics: {},
    final: { payoffs: {}, metrics: {} }, totals: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, invalid: 0, cacheHits: 0 },
    transcript, otherJudgeScores: [],
  };
}

const entry = (seq: number, agent: string, contents: string[]): TranscriptEntry => ({
  seq, time: seq, agent, kind: 'model-call', prompt: contents.map((content) => ({ role: 'user', content })),
});

describe('packRunPrompts', () => {
  it('round-trips any transcript (emoji and lone surrogates included) through JSON', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.array(text, { maxLength: 3 }), fc.boolean()), { maxLength: 12 }), (rows) => {
        // Half the prompts grow from the agent's previous one, as prompts with memory do.
        const last = new Map<string, string[]>();
        const transcript = rows.map(([agent, texts, grow], seq) => {
          const before = last.get(agent) ?? [];
          // Growing: lines inserted at the top, in the middle and at the end of the previous message.
          const contents = grow
            ? texts.map((t, i) => {
                const old = (before[i] ?? '').split('\n');
                const mid = Math.floor(old.length / 2);
                return [t, ...old.slice(0, mid), `${t}\r`, ...old.slice(mid), 'x'.repeat(300)].join('\n');
              })
            : texts;
          last.set(agent, contents);
          return entry(seq, agent, contents);
        });
        const view = runWith(transcript);
        const expected = JSON.parse(JSON.stringify(view));
        const page = JSON.parse(JSON.stringify(packRunPrompts(view)));
        expect(unpackRunPrompts(page)).toEqual(expected);
      }),
    );
  });

  it('stores what each prompt adds, not the prompt again, where ever the prompt grows', () => {
    // Two regions grow each round, as a memory list and a history table do.
    const memory = Array.from({ length: 200 }, (_, i) => `- turn ${i}: you chose C and received 3.\n`);
    const table = Array.from({ length: 200 }, (_, i) => `${i} | C | C | 3 | 3\n`);
    const prompt = (r: number) => `rules ${'r'.repeat(200)}\n${memory.slice(0, r).join('')}round: ${r}\n${table.slice(0, r).join('')}options: C, D`;
    const transcript = memory.map((_, r) => entry(r, 'a', [prompt(r)]));
    const whole = JSON.stringify(runWith(transcript)).length;
    const packed = JSON.stringify(packRunPrompts(runWith(transcript))).length;
    expect(whole).toBeGreaterThan(500_000);
    expect(packed).toBeLessThan(whole / 25);
  });
});
