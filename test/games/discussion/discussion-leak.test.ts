// Through the real engine (roles, prompts, model stack, trace): each agent's prompts hold exactly what
// CoMAS shows at that step (spec 10). Solvers: the problem and, from round 2 on, sampled solution/critique
// pairs of the previous round. Evaluators: the problem and one other agent's solution. Scorers: the problem
// and one (solution, critique) pair written by two other agents. Nobody ever sees a score or the reference.
import { describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../src/models/model.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

const REFERENCE = '4181';
const QUESTION = 'What is the 19th Fibonacci number, counting F1 = F2 = 1?';
const agents = ['ann', 'bob', 'cat', 'dan'];
const config = {
  game: 'discussion',
  params: { problems: [{ question: QUESTION, answer: Number(REFERENCE) }], rounds: 2, references: 2 },
  agents: agents.map((id) => ({ id })),
};

type Step = 'solve' | 'evaluate' | 'score';
function stepOf(request: ModelRequest): Step {
  const text = request.messages.map((m) => m.content).join('\n');
  return text.includes('Solution under review') ? 'evaluate' : text.includes('You are refereeing') ? 'score' : 'solve';
}

/** Every answer carries a marker naming its author and round: SOL-ann-r1, CRIT-bob-r2, SCORE-cat-r1. */
function markedAnswers() {
  const calls = new Map<string, number>();
  return (request: ModelRequest, agent: string): string => {
    const step = stepOf(request);
    const key = `${agent}:${step}`;
    const round = (calls.get(key) ?? 0) + 1;
    calls.set(key, round);
    if (step === 'solve') return `SOL-${agent}-r${round}: adding up the sequence gives \\boxed{17}`;
    if (step === 'evaluate') return `CRIT-${agent}-r${round}: the recurrence was not applied far enough`;
    return `SCORE-${agent}-r${round} the critique holds. <score>2</score>`;
  };
}

const markers = (text: string, kind: 'SOL' | 'CRIT' | 'SCORE') => [...text.matchAll(new RegExp(`${kind}-(\\w+)-r(\\d)`, 'g'))].map((m) => ({ author: m[1]!, round: Number(m[2]) }));

describe('discussion through the engine: who sees what (spec 10)', () => {
  it('shows each step only what CoMAS allows', async () => {
    const { prompts, run, events } = await runScripted(config, markedAnswers());
    expect(run.status).toBe('completed');
    const shared: string[][] = [];
    for (const agent of agents) {
      const list = prompts.get(agent)!;
      // one call per step: solve, evaluate, score in round 1, then again in round 2
      expect(list).toHaveLength(6);
      for (const prompt of list) {
        expect(prompt).toContain(QUESTION);
        expect(prompt).not.toContain(REFERENCE);
        expect(markers(prompt, 'SCORE')).toEqual([]);
        // no agent is named anywhere outside the answers' own markers: authors stay anonymous
        expect(prompt.replace(/(SOL|CRIT)-\w+-r\d/g, '')).not.toMatch(/\b(ann|bob|cat|dan)\b/);
      }
      const [solve1, evaluate1, score1, solve2, evaluate2, score2] = list as [string, string, string, string, string, string];
      // round 1 solvers see no discussion at all
      expect([...markers(solve1, 'SOL'), ...markers(solve1, 'CRIT')]).toEqual([]);
      // round 2 solvers see 2 solution/critique pairs of round 1, never their authors' names beside them
      const sols = markers(solve2, 'SOL');
      expect(sols).toHaveLength(2);
      expect(markers(solve2, 'CRIT')).toHaveLength(2);
      expect([...sols, ...markers(solve2, 'CRIT')].every((m) => m.round === 1)).toBe(true);
      shared.push(sols.map((m) => m.author));
      for (const [round, evaluate, score] of [[1, evaluate1, score1], [2, evaluate2, score2]] as const) {
        // the evaluator reads exactly one solution of this round, by someone else, and no critique
        const solution = markers(evaluate, 'SOL');
        expect(solution).toHaveLength(1);
        expect(solution[0]).toMatchObject({ round });
        expect(solution[0]!.author).not.toBe(agent);
        expect(markers(evaluate, 'CRIT')).toEqual([]);
        // the scorer reads one solution and one critique of this round, written by two other agents
        const [s] = markers(score, 'SOL');
        const c = markers(score, 'CRIT');
        expect(markers(score, 'SOL')).toHaveLength(1);
        expect(c).toHaveLength(1);
        expect(new Set([agent, s!.author, c[0]!.author]).size).toBe(3);
        expect([s!.round, c[0]!.round]).toEqual([round, round]);
        // and the critique is the one written about that very solution
        const critic = prompts.get(c[0]!.author)![round === 1 ? 1 : 4]!;
        expect(markers(critic, 'SOL')).toEqual([s]);
      }
    }
    // CoMAS samples the shared discussions once per problem and round: every solver reads the same pairs
    expect(new Set(shared.map((s) => s.join()))).toHaveProperty('size', 1);
    // the trace's messages go only to the interaction's own reviewers and never carry the reference
    const messages = events.filter((e) => e.type === 'message');
    expect(messages).toHaveLength(16);
    for (const m of messages) {
      if (m.type !== 'message') continue;
      expect(m.to).not.toContain(m.from);
      expect(m.content).not.toContain(REFERENCE);
    }
    expect(run.metrics).toMatchObject({ interactions: 8, accuracy: 0, 'score.tag': 8, 'reward.solver.mean': 0.5, 'reward.evaluator.mean': 0.5, 'reward.scorer.mean': 0 });
  });

  it('counts a scorer whose answer stays empty after repair as a scorer failure (−1, others 0)', async () => {
    const answers = markedAnswers();
    const { run } = await runScripted({ ...config, params: { ...config.params, rounds: 1 } }, (request, agent) =>
      stepOf(request) === 'score' ? '   ' : answers(request, agent),
    );
    expect(run.metrics).toMatchObject({ interactions: 4, 'scorer.failures': 4, 'reward.scorer.mean': -1, 'reward.solver.mean': 0, 'reward.evaluator.mean': 0 });
    expect(run.metrics['invalid.defaulted']).toBe(4);
    expect(run.payoffs).toEqual({ ann: -1, bob: -1, cat: -1, dan: -1 });
  });
});
