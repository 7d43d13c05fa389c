// The debater role: what each stage's prompt says and how plain-text answers are read.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createMemory } from '../../src/agents/memory/index.js';
import { debaterRole } from '../../src/roles/debater.js';
import type { DebateAction, DebateObservation } from '../../src/games/debate/types.js';

const agent = { id: 'o0', role: 'debater', memory: createMemory(undefined, 'o0') };
const argue: DebateObservation = {
  kind: 'argue',
  stage: 'rebuttal',
  topic: 'Zoos should close',
  side: 'con',
  opponent: { age: 30, education: 'PhD' },
  transcript: [{ speaker: 'opponent', stage: 'opening', text: 'Animals suffer.' }, { speaker: 'you', stage: 'opening', text: 'Zoos save species.' }],
};
const text = (o: DebateObservation) => debaterRole.render({ agent, observation: o, schema: z.any() }).map((m) => m.content).join('\n');

describe('debater role', () => {
  it('renders the side, the stage task, the transcript and (when given) the opponent profile', () => {
    const t = text(argue);
    expect(t).toContain('CON (against the proposition)');
    expect(t).toContain('Rebuttal stage');
    expect(t).toContain('[opening] Your opponent: Animals suffer.');
    expect(t).toContain('What you know about your opponent: age 30; education: PhD.');
    const { opponent: _drop, ...plain } = argue as Extract<DebateObservation, { kind: 'argue' }>;
    expect(text(plain)).not.toContain('What you know about your opponent');
  });

  it('renders the surveys with the scale', () => {
    const t = text({ kind: 'survey', when: 'pre', topic: 'Zoos should close', scale: 7, you: { gender: 'female' }, transcript: [] });
    expect(t).toContain('from 1 (strongly disagree) to 7 (strongly agree)');
    expect(t).toContain('About you: gender: female.');
  });

  it('reads JSON, "agreement: n" and plain text arguments', () => {
    const survey = z.object({ agreement: z.number().int().min(1).max(5) }) as z.ZodType<DebateAction>;
    const arg = z.object({ argument: z.string().min(1) }) as z.ZodType<DebateAction>;
    const s: DebateObservation = { kind: 'survey', when: 'post', topic: 'x', scale: 5, you: {}, transcript: [] };
    expect(debaterRole.parse('{"agreement": 4}', survey, s)).toEqual({ agreement: 4 });
    expect(debaterRole.parse('I think... Agreement: 2', survey, s)).toEqual({ agreement: 2 });
    expect(() => debaterRole.parse('Agreement: 9', survey, s)).toThrow();
    expect(debaterRole.parse('  Zoos educate.  ', arg, argue)).toEqual({ argument: 'Zoos educate.' });
  });
});
