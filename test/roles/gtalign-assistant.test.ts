// The gtalign-assistant role: renders the conversation, reads the four blocks strictly (repair reasons).
import { describe, expect, it } from 'vitest';
import { createMemory } from '../../src/agents/memory/index.js';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { assistantActionSchema } from '../../src/games/assistant/assistant-game.js';
import { READING_MATRICES, writeTurn } from '../../src/games/assistant/strategies.js';
import type { AssistantObservation } from '../../src/games/assistant/types.js';
import { gtalignAssistantRole } from '../../src/roles/gtalign-assistant.js';

const observation: AssistantObservation = {
  kind: 'assistant', episode: 0, episodes: 6, turn: 1, maxTurns: 3,
  transcript: [
    { from: 'user', text: 'Can you help me plan a trip?' },
    { from: 'assistant', text: 'Where to?' },
    { from: 'user', text: 'Porto, in October.' },
  ],
};
const agent = { id: 'assistant', role: 'gtalign-assistant', memory: createMemory(undefined, 'assistant') };

describe('gtalign-assistant role', () => {
  it('shows the rule, the block format and the conversation with its own lines as "You"', () => {
    const [system, user] = gtalignAssistantRole.render({ agent, observation, schema: assistantActionSchema });
    expect(system!.content).toContain('DQ_AQ, DQ_CQ, DQ_DA, VQ_AQ, VQ_CQ, VQ_DA');
    expect(system!.content).toContain('Choice: <KEY>');
    expect(user!.content).toContain('reply number 2 of at most 3');
    expect(user!.content).toContain('User: Can you help me plan a trip?\nYou: Where to?\nUser: Porto, in October.');
  });

  it('reads a well-formed generation as the whole text', () => {
    const text = writeTurn(READING_MATRICES.definite, 'DQ_DA', 'clear', 'A weekend in Porto.');
    expect(gtalignAssistantRole.parse(text, assistantActionSchema, observation)).toEqual({ text });
  });

  it('throws an unparsable InvalidActionError with the reason, and shows it on repair', () => {
    const bad = writeTurn(READING_MATRICES.definite, 'DQ_DA', 'clear', 'A weekend in Porto.').replace('Choice: DQ_DA', 'I go with DQ_DA');
    let error: unknown;
    try {
      gtalignAssistantRole.parse(bad, assistantActionSchema, observation);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidActionError);
    expect(error).toMatchObject({ kind: 'unparsable', reason: expect.stringMatching(/exactly one line "Choice: <KEY>"/) });
    const messages = gtalignAssistantRole.render({ agent, observation, schema: assistantActionSchema, feedback: { kind: 'unparsable', error: (error as InvalidActionError).reason, previous: bad } });
    expect(messages.at(-2)).toEqual({ role: 'assistant', content: bad });
    expect(messages.at(-1)!.content).toContain('exactly one line "Choice: <KEY>"');
  });
});
