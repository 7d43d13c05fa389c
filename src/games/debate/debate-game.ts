// The debate RCT (Salvi et al., Nature Human Behaviour 2025; spec 8.2) as a pure Game. Each pair is a
// participant (seat 2i) and an opponent (seat 2i + 1) debating one proposition from opposite sides:
// pre-debate agreement survey -> opening -> rebuttal -> conclusion -> post-debate survey. In each speaking
// stage both debaters write at once (sealed simultaneous phase) and see the other's text from the next
// stage on, as in the study's timed rounds. All pairs move through the stages together, so one run holds a
// whole factorial design (opponent kind × personalisation) and the metrics compare its conditions.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game, Outcome, Phase } from '../game.js';
import { parseGameParams } from '../parse-game-params.js';
import { debateMetrics, shiftTowardOpponent } from './debate-metrics.js';
import { debateParamsSchema, type DebateParams, type DebateParamsInput } from './params.js';
import { DEBATE_STAGES, type DebateAction, type DebateObservation, type DebateState, type PairRecord, type SpeakingStage } from './types.js';

export const debateMetadata = {
  name: 'debate',
  version: '1',
  description: 'Debate RCT: PRO/CON pairs, opening/rebuttal/conclusion, Likert agreement before and after, optional personalisation; odds ratios across conditions',
  source: 'Salvi et al., On the conversational persuasiveness of GPT-4, Nature Human Behaviour 2025; spec 8.2',
};

const isSurvey = (stage: number) => stage === 0 || stage === DEBATE_STAGES.length - 1;

export function createDebateGame(input: DebateParamsInput | DebateParams, agents: readonly AgentId[]): Game<DebateState, DebateAction, DebateObservation> {
  const params = parseGameParams(debateParamsSchema, input);
  const expected = 2 * params.pairs.length;
  if (agents.length !== expected) throw ConfigError.at('agents', `the debate game expects ${expected} agents (two per entry of params.pairs: participant, then opponent), got ${agents.length}`);
  const participants = agents.filter((_, i) => i % 2 === 0);
  const seatOf = (agent: AgentId) => {
    const seat = agents.indexOf(agent);
    if (seat < 0) throw new RangeError(`debate: unknown agent "${agent}"`);
    return { pair: Math.floor(seat / 2), participant: seat % 2 === 0, partner: agents[seat % 2 === 0 ? seat + 1 : seat - 1] as AgentId };
  };
  const surveySchema = z.object({ agreement: z.number().int().min(1).max(params.scale) }).strict();
  const argueSchema = z.object({ argument: z.string().min(1) }).strict();

  const transcript = (record: PairRecord, participant: boolean) =>
    record.arguments.map((a) => ({ speaker: (a.by === 'participant') === participant ? ('you' as const) : ('opponent' as const), stage: a.stage, text: a.text }));

  return {
    metadata: debateMetadata,
    agents,
    init: () => ({ params, stage: 0, pairs: params.pairs.map(() => ({ arguments: [] })) }),
    phase(state): Phase | null {
      const label = DEBATE_STAGES[state.stage];
      if (label === undefined) return null;
      return { kind: 'simultaneous', agents: isSurvey(state.stage) ? [...participants] : [...agents], round: state.stage, label };
    },
    observe(state, agent): DebateObservation {
      const { pair, participant } = seatOf(agent);
      const config = params.pairs[pair]!;
      const record = state.pairs[pair]!;
      const stage = DEBATE_STAGES[state.stage] ?? 'post-survey';
      if (isSurvey(state.stage)) {
        if (!participant) return { kind: 'idle', stage };
        return { kind: 'survey', when: state.stage === 0 ? 'pre' : 'post', topic: config.topic, scale: params.scale, you: config.participant, transcript: transcript(record, true) };
      }
      return {
        kind: 'argue',
        stage: stage as SpeakingStage,
        topic: config.topic,
        side: participant ? config.side : config.side === 'pro' ? 'con' : 'pro',
        ...(participant ? { you: config.participant } : {}),
        // personalisation (spec 8.2): the opponent is told the participant's sociodemographics, nothing else
        ...(!participant && config.personalised ? { opponent: config.participant } : {}),
        transcript: transcript(record, participant),
      };
    },
    actionSchema: (state) => (isSurvey(state.stage) ? surveySchema : argueSchema) as z.ZodType<DebateAction>,
    defaultAction: (state) => (isSurvey(state.stage) ? { agreement: Math.round((1 + params.scale) / 2) } : { argument: '(no argument given)' }),
    apply(state, actions) {
      const stage = DEBATE_STAGES[state.stage]!;
      const pairs = state.pairs.map((r) => ({ ...r, arguments: [...r.arguments] }));
      const outcomes: Outcome[] = [];
      for (const [agent, action] of actions) {
        const { pair, participant, partner } = seatOf(agent);
        const record = pairs[pair]!;
        if ('agreement' in action) {
          if (!participant) continue;
          if (stage === 'pre-survey') record.pre = action.agreement;
          else record.post = action.agreement;
          outcomes.push({ type: 'event', name: 'debate-survey', agent, data: { pair, when: stage === 'pre-survey' ? 'pre' : 'post', agreement: action.agreement } });
        } else {
          const text = action.argument.slice(0, params.maxArgumentChars);
          record.arguments.push({ stage: stage as SpeakingStage, by: participant ? 'participant' : 'opponent', text });
          outcomes.push({ type: 'message', from: agent, to: [partner], channel: `private:${agents[2 * pair]},${agents[2 * pair + 1]}`, content: text });
        }
      }
      // keep each pair's transcript in stage order, participant first, whatever order the actions came in
      for (const r of pairs) r.arguments.sort((x, y) => DEBATE_STAGES.indexOf(x.stage) - DEBATE_STAGES.indexOf(y.stage) || (x.by === 'participant' ? -1 : 1) - (y.by === 'participant' ? -1 : 1));
      return { state: { ...state, stage: state.stage + 1, pairs }, outcomes };
    },
    isOver: (state) => state.stage >= DEBATE_STAGES.length,
    /** Each debater's payoff: Likert points the participant moved toward that debater's side (0 until the post survey). */
    payoffs(state) {
      const out: Record<AgentId, number> = {};
      params.pairs.forEach((pair, i) => {
        const r = state.pairs[i]!;
        const shift = r.pre === undefined || r.post === undefined ? 0 : shiftTowardOpponent(pair, r.pre, r.post);
        out[agents[2 * i]!] = shift === 0 ? 0 : -shift;
        out[agents[2 * i + 1]!] = shift;
      });
      return out;
    },
    metrics: (state) => debateMetrics(params, state.pairs),
  };
}
