// The assistant game's protocol and metrics with scripted agents, conversation by conversation.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAssistantGame } from '../../../src/games/assistant/assistant-game.js';
import { directAssistant, intentUser, paretoAssistant } from '../../../src/games/assistant/strategies.js';
import type { Strategy } from '../../../src/games/definition.js';
import { Rng } from '../../../src/core/rng.js';
import { moves, play } from './play.js';

describe('pareto-assistant with intent-user on the starter set', () => {
  const { state, metrics, payoffs } = play({}, paretoAssistant as Strategy, intentUser as Strategy);

  it('answers definite requests, asks on vague ones, and answers once the user has clarified', () => {
    expect(moves(state)).toEqual({
      'lisbon-trip-definite': { played: ['DQ_DA'], replies: ['satisfied'] },
      'trip-vague': { played: ['VQ_CQ', 'DQ_DA'], replies: ['clarify', 'satisfied'] },
      'python-dates-definite': { played: ['DQ_DA'], replies: ['satisfied'] },
      // 8 words reads borderline: answer plus a question
      'code-vague': { played: ['DQ_AQ', 'DQ_DA'], replies: ['clarify', 'satisfied'] },
      'bread-definite': { played: ['DQ_DA'], replies: ['satisfied'] },
      'gift-vague': { played: ['VQ_CQ', 'DQ_DA'], replies: ['clarify', 'satisfied'] },
    });
  });

  it('reports the rates by question type', () => {
    expect(metrics).toMatchObject({
      'assistant-turns': 9,
      conversations: 6,
      'matrix-parse-rate': 1,
      'pareto-consistency-rate': 1,
      'clarify-rate:definite': 0,
      'clarify-rate:vague': 2 / 3,
      'question-rate:definite': 0,
      'question-rate:vague': 1,
      'question-type-accuracy': 5 / 6, // the borderline code question is played as DQ
      'satisfaction-rate': 1,
      'final-answer-mean': 1,
      'turns-per-conversation': 1.5,
    });
  });

  it('names every summary metric in kebab-case, with `:` before the question type', () => {
    expect(Object.keys(metrics).sort()).toEqual([
      'assistant-payoff-mean', 'assistant-turns', 'clarify-rate:definite', 'clarify-rate:vague', 'conversations',
      'final-answer-mean', 'matrix-llm-payoff-mean', 'matrix-parse-rate', 'matrix-user-payoff-mean', 'nsw',
      'pareto-consistency-rate', 'question-rate:definite', 'question-rate:vague', 'question-type-accuracy',
      'satisfaction-rate', 'turns-per-conversation', 'user-payoff-mean', 'welfare-mean',
    ]);
  });

  it('payoffs and means are the sums and means of the per-turn rewards', () => {
    const turns = state.episodes.flatMap((e) => e.turns);
    expect(payoffs.assistant).toBeCloseTo(turns.reduce((a, t) => a + t.welfare, 0), 12);
    expect(payoffs.user).toBeCloseTo(turns.reduce((a, t) => a + t.user, 0), 12);
    expect(metrics['welfare-mean']).toBeCloseTo(payoffs.assistant! / 9, 12);
    for (const t of turns) expect(t.welfare).toBeCloseTo(Math.sqrt(t.user * t.llm), 12);
    // the matrices' played cells: 6 × DQ_DA (3.2, 3.5), 2 × VQ_CQ (2.8, 3.1), 1 × DQ_AQ (2.8, 3.2)
    expect(metrics['matrix-llm-payoff-mean']).toBeCloseTo((6 * 3.2 + 2 * 2.8 + 2.8) / 9, 12);
    expect(metrics['matrix-user-payoff-mean']).toBeCloseTo((6 * 3.5 + 2 * 3.1 + 3.2) / 9, 12);
  });
});

describe('direct-assistant (same matrix, always DQ_DA)', () => {
  const { state, metrics } = play({}, directAssistant as Strategy, intentUser as Strategy);

  it('is Pareto-inconsistent on the three turns where the rule says ask, and never clarifies', () => {
    expect(moves(state)['trip-vague']).toEqual({ played: ['DQ_DA', 'DQ_DA'], replies: ['follow-up', 'satisfied'] });
    expect(metrics['pareto-consistency-rate']).toBeCloseTo(6 / 9, 12);
    expect(metrics['clarify-rate:vague']).toBe(0);
    expect(metrics['question-type-accuracy']).toBe(0.5);
  });
});

describe('bounds and failures', () => {
  const stubborn: Strategy = { metadata: { name: 'stubborn', stochastic: false, memoryDepth: 0, source: 'test' }, decide: () => ({ kind: 'follow-up', message: 'No.' }) };

  it('a conversation ends after maxTurns assistant turns, each answered by the user', () => {
    const { state, metrics } = play({ limit: 2, maxTurns: 2 }, paretoAssistant as Strategy, stubborn);
    expect(state.episodes.map((e) => [e.turns.length, e.replies.length, e.done])).toEqual([[2, 2, true], [2, 2, true]]);
    expect(metrics).toMatchObject({ 'assistant-turns': 4, 'satisfaction-rate': 0, conversations: 2 });
  });

  it('counts unreadable turns (the engine\'s default after failed repairs) against the parse rate', () => {
    const good = (paretoAssistant as Strategy).decide;
    let n = 0;
    const flaky: Strategy = { metadata: { name: 'flaky', stochastic: false, memoryDepth: 0, source: 'test' }, decide: (o, r) => (n++ % 2 === 0 ? { text: 'no blocks' } : good(o, r)) };
    const { state, metrics } = play({ limit: 1, maxTurns: 3 }, flaky, intentUser as Strategy);
    // turn 1 unreadable (follow-up with the clarification), turn 2 a definite DA → satisfied
    expect(moves(state)['lisbon-trip-definite']).toEqual({ played: [null, 'DQ_DA'], replies: ['follow-up', 'satisfied'] });
    expect(metrics['matrix-parse-rate']).toBe(0.5);
    expect(metrics['pareto-consistency-rate']).toBe(1);
    expect(state.episodes[0]!.turns[0]).toMatchObject({ format: 0, response: '' });
  });

  it('plays inline tasks, defaulting the clarification to the intent', () => {
    const task = { id: 'tea', question: 'Tea?', type: 'vague' as const, intent: 'I want a green tea that is low in caffeine.', keywords: ['green', 'caffeine'] };
    const { state, metrics } = play({ tasks: [task] }, paretoAssistant as Strategy, intentUser as Strategy);
    expect(state.episodes[0]!.transcript.map((l) => l.from === 'user' && l.text).filter(Boolean)).toEqual(['Tea?', task.intent, 'Thank you, that covers what I needed.']);
    expect(metrics['clarify-rate:vague']).toBe(1);
    expect(metrics['clarify-rate:definite']).toBeUndefined();
  });
});

describe('the game contract', () => {
  const game = createAssistantGame({ limit: 1 }, ['a', 'u']);
  const state = game.init(Rng.fromSeed(1));

  it('speaks on the private channel of the two agents, the assistant first', () => {
    expect(game.phase(state)).toEqual({ kind: 'dialogue', agents: ['a'], round: 0, channel: 'private:a,u', label: 'answer' });
  });

  it('the assistant sees the conversation only; the user sees its private task', () => {
    expect(game.observe(state, 'a')).toEqual({ kind: 'assistant', episode: 0, episodes: 1, turn: 0, maxTurns: 3, transcript: [{ from: 'user', text: expect.stringContaining('Lisbon') }] });
    expect(game.observe(state, 'u')).toMatchObject({ kind: 'user', task: { id: 'lisbon-trip-definite', type: 'definite' } });
  });

  it('gives the engine the strict reading as the illegality reason, and validates user replies by schema', () => {
    expect(game.legality!(state, 'a', { text: '<thinking>x</thinking>' })).toMatch(/exactly one <payoff>/);
    const userSchema = game.actionSchema(state, 'u') as z.ZodType;
    expect(userSchema.safeParse({ kind: 'maybe', message: 'x' }).success).toBe(false);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('rejects a wrong seat count and duplicate task ids', () => {
    expect(() => createAssistantGame({}, ['a'])).toThrow(/takes 2 agents/);
    const t = { id: 'x', question: 'q', type: 'definite' as const, intent: 'i', keywords: ['k'] };
    expect(() => createAssistantGame({ tasks: [t, t] }, ['a', 'u'])).toThrow(/params\.tasks\[1\]\.id: duplicate task id "x"/);
  });
});
