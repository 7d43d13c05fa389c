// The discussant role: one prompt per CoMAS step (spec 10) showing only that step's material, free-text
// answers, and a repair when an answer is empty.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import type { AgentView } from '../../src/agents/agent.js';
import { discussionAgentRole, discussionText } from '../../src/roles/discussion-agent.js';
import type { DiscussionObservation } from '../../src/games/discussion/types.js';

const agent = { id: 'ann', role: 'discussion-agent', persona: { name: 'Ann', traits: ['meticulous'], values: [] }, memory: { view: () => [] } } as unknown as AgentView;
const base = { domain: 'math' as const, question: 'Compute 2 + 2.', round: 2, rounds: 3 };
const text = (o: DiscussionObservation) => discussionAgentRole.render({ agent, observation: o, schema: z.string() });

describe('discussion-agent role', () => {
  it('solve: the problem, the round, the shared discussion and the boxed-answer format', () => {
    const messages = text({ ...base, step: 'solve', discussion: [{ solution: 'S1 \\boxed{5}', evaluation: 'C1: 2 + 2 is not 5' }] });
    expect(messages[0]).toMatchObject({ role: 'system' });
    expect(messages[0]!.content).toContain('You are Ann');
    const user = messages.at(-1)!.content;
    expect(user).toContain('Compute 2 + 2.');
    expect(user).toContain('round 2 of 3');
    expect(user).toContain('--- Discussion 1 ---\nSolution:\nS1 \\boxed{5}\nCritique:\nC1: 2 + 2 is not 5');
    expect(user).toContain('\\boxed{}');
  });

  it('solve in science asks for a decimal without units', () => {
    expect(text({ ...base, domain: 'science', step: 'solve', discussion: [] }).at(-1)!.content).toMatch(/decimal number inside \\boxed\{\}.*units/);
  });

  it('says when there is no discussion yet', () => {
    expect(discussionText([])).toMatch(/none yet/);
  });

  it('evaluate: the problem and the solution under review, nothing else', () => {
    const user = text({ ...base, step: 'evaluate', solution: 'SOLUTION-X' }).at(-1)!.content;
    expect(user).toContain('Solution under review:\nSOLUTION-X');
    expect(user).not.toMatch(/<score>/);
  });

  it('score: the pair and the 1–3 scale with <score> tags', () => {
    const user = text({ ...base, step: 'score', solution: 'SOLUTION-X', evaluation: 'CRITIQUE-Y' }).at(-1)!.content;
    expect(user).toContain('SOLUTION-X');
    expect(user).toContain('Critique of the solution:\nCRITIQUE-Y');
    expect(user).toMatch(/3 - [^\n]+\n2 - [^\n]+\n1 - /);
    expect(user).toContain('<score>2</score>');
  });

  it('keeps free text as the action and asks again for an empty answer', () => {
    const o: DiscussionObservation = { ...base, step: 'score', solution: 's', evaluation: 'e' };
    expect(discussionAgentRole.parse('  fine <score>3</score>\n', z.string(), o)).toBe('fine <score>3</score>');
    expect(() => discussionAgentRole.parse(' \n ', z.string(), o)).toThrow(InvalidActionError);
    const repair = discussionAgentRole.render({ agent, observation: o, schema: z.string(), feedback: { kind: 'unparsable', error: 'expected a non-empty rating', previous: '' } });
    expect(repair.at(-1)!.content).toMatch(/could not be used \(unparsable\): expected a non-empty rating/);
  });
});
