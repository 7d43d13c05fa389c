// The susceptibility roles: the persuadee's prompt holds its prior and the scale; plain-text answers are read.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createMemory } from '../../src/agents/memory/index.js';
import type { SusceptibilityAction, SusceptibilityObservation } from '../../src/games/susceptibility/types.js';
import { likertRespondentRole } from '../../src/roles/likert-respondent.js';
import { susceptibilityPersuaderRole } from '../../src/roles/susceptibility-persuader.js';

const agent = (id: string) => ({ id, role: 'x', memory: createMemory(undefined, id) });
const respond: SusceptibilityObservation = {
  kind: 'respond', claim: 'Tea beats coffee', prior: { agreement: 2, statement: 'Coffee wakes me up.' }, scale: 7, turn: 1, turns: 2,
  transcript: [{ turn: 0, speaker: 'persuadee', text: 'I like coffee.' }, { turn: 1, speaker: 'persuader', text: 'Tea has less caffeine crash.' }],
};
const replySchema = z.object({ reply: z.string().min(1), agreement: z.number().int().min(1).max(7) }) as z.ZodType<SusceptibilityAction>;

describe('likert-respondent', () => {
  it('states the prior in its own words, the conversation from its side and the scale', () => {
    const text = likertRespondentRole.render({ agent: agent('bob'), observation: respond, schema: replySchema }).map((m) => m.content).join('\n');
    expect(text).toContain('Before this conversation, your view was: Coffee wakes me up. (your agreement with the claim: 2 on a scale from 1 to 7)');
    expect(text).toContain('You: I like coffee.\nThe other person: Tea has less caffeine crash.');
    expect(text).toContain('from 1 (strongly disagree) to 7 (strongly agree)');
    const { prior: _p, ...noPrior } = respond as Extract<SusceptibilityObservation, { kind: 'respond' }>;
    expect(likertRespondentRole.render({ agent: agent('bob'), observation: noPrior, schema: replySchema }).map((m) => m.content).join('\n')).not.toContain('Before this conversation');
  });

  it('reads JSON and "reply ... Agreement: n" text; rejects an out-of-scale rating', () => {
    expect(likertRespondentRole.parse('{"reply":"Fair point.","agreement":3}', replySchema, respond)).toEqual({ reply: 'Fair point.', agreement: 3 });
    expect(likertRespondentRole.parse('Fair point, maybe.\nAgreement: 4', replySchema, respond)).toEqual({ reply: 'Fair point, maybe.', agreement: 4 });
    expect(() => likertRespondentRole.parse('Sure.\nAgreement: 9', replySchema, respond)).toThrow();
  });
});

describe('susceptibility-persuader', () => {
  it('names the principle and its description', () => {
    const o: SusceptibilityObservation = { kind: 'persuade', claim: 'Tea beats coffee', strategy: 'liking', principle: 'Build rapport.', turn: 1, turns: 3, transcript: [] };
    const text = susceptibilityPersuaderRole.render({ agent: agent('a'), observation: o, schema: z.any() }).map((m) => m.content).join('\n');
    expect(text).toContain('Use the persuasion principle "liking": Build rapport.');
    expect(text).toContain('This is your message 1 of 3');
  });
});
