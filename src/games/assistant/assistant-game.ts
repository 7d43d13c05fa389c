// The GTAlign assistant game (spec 14) as a pure Game: conversations, one per task, between a user
// simulator that holds a private need and an assistant that writes a payoff matrix before each answer.
// Per conversation: the user's opening question (from the task), then assistant turn / user reply pairs
// until the user is satisfied or the assistant has used `maxTurns` turns.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game, Outcome } from '../game.js';
import { parseGameParams } from '../parse-game-params.js';
import { asksQuestion, keywordCoverage, readAssistantTurn } from './assistant-turn.js';
import { assistantMetrics } from './assistant-metrics.js';
import { starterTasks } from './builtin-tasks.js';
import { assistantParamsSchema, type AssistantParams, type AssistantParamsInput } from './params.js';
import { scoreTurn } from './score-turn.js';
import type {
  AssistantGameAction,
  AssistantGameObservation,
  AssistantGameState,
  AssistantTask,
  Episode,
  UserAction,
} from './types.js';

export const assistantMetadata = {
  name: 'gtalign-assistant',
  version: '1',
  description: 'A user simulator with a private need asks an assistant that writes a DQ/VQ × DA/CQ/AQ payoff matrix, picks by the Pareto rule and is scored by mutual welfare',
  source: 'GTAlign (Zhang et al., arXiv 2510.08872; ulab-uiuc/GTAlign@1e3536026a5a); spec 14',
};

export const assistantActionSchema = z.object({ text: z.string() });
export const userActionSchema = z.object({ kind: z.enum(['satisfied', 'clarify', 'follow-up']), message: z.string().min(1) });

/** The tasks the params select, with clarifications defaulted to the intent. */
export function resolveTasks(params: AssistantParams): AssistantTask[] {
  const all: AssistantTask[] = params.tasks === 'starter' ? [...starterTasks] : params.tasks.map((t) => ({ ...t, clarification: t.clarification ?? t.intent }));
  return all.slice(0, params.limit ?? all.length);
}

const openEpisode = (task: AssistantTask): Episode => ({
  task,
  transcript: [{ from: 'user', text: task.question }],
  turns: [],
  replies: [],
  clarified: false,
  done: false,
});

/** `agents` = [assistant, user]. */
export function createAssistantGame(
  input: AssistantParamsInput | undefined,
  agents: readonly AgentId[],
): Game<AssistantGameState, AssistantGameAction, AssistantGameObservation> {
  const params = parseGameParams(assistantParamsSchema, input);
  if (agents.length !== 2) throw ConfigError.at('agents', `the gtalign-assistant game takes 2 agents (assistant, user), got ${agents.length}`);
  const [assistant, user] = agents as [AgentId, AgentId];
  const tasks = resolveTasks(params);
  const channel = `private:${assistant},${user}`;
  const episodeOf = (s: AssistantGameState) => s.episodes[s.current] as Episode;

  return {
    metadata: assistantMetadata,
    agents,
    init: () => ({ turn: 0, current: 0, next: 'assistant', episodes: tasks.map(openEpisode), over: false }),
    phase: (s) =>
      s.over ? null : { kind: 'dialogue', agents: [s.next === 'assistant' ? assistant : user], round: s.turn, channel, label: s.next === 'assistant' ? 'answer' : 'reply' },
    observe(s, agent): AssistantGameObservation {
      const episode = episodeOf(s);
      if (!episode) return { kind: 'idle' };
      const transcript = episode.transcript.map((l) => ({ ...l }));
      if (agent === assistant) {
        return { kind: 'assistant', episode: s.current, episodes: s.episodes.length, turn: episode.turns.length, maxTurns: params.maxTurns, transcript };
      }
      if (agent !== user) return { kind: 'idle' };
      const last = episode.turns[episode.turns.length - 1];
      return {
        kind: 'user',
        task: { ...episode.task, keywords: [...episode.task.keywords] },
        transcript,
        lastCoverage: last ? keywordCoverage(last.response, episode.task.keywords) : 0,
        asked: last ? asksQuestion(last.response) : false,
        clarified: episode.clarified,
        last: episode.turns.length >= params.maxTurns,
      };
    },
    actionSchema: (_s, agent) => (agent === assistant ? assistantActionSchema : userActionSchema) as z.ZodType<AssistantGameAction>,
    legality(_s, agent, action) {
      if (agent !== assistant) return undefined;
      const read = readAssistantTurn((action as { text: string }).text);
      return read.ok ? undefined : read.reason;
    },
    defaultAction: (_s, agent) => (agent === assistant ? { text: '' } : { kind: 'follow-up', message: '(no reply)' }),
    apply(s, actions) {
      const episode = episodeOf(s);
      const speaker = s.next === 'assistant' ? assistant : user;
      const action = actions.get(speaker) as AssistantGameAction;
      const outcomes: Outcome[] = [];
      let next: Episode;
      let current = s.current;
      let after: AssistantGameState['next'];
      if (s.next === 'assistant') {
        const record = scoreTurn((action as { text: string }).text, episode.task);
        next = { ...episode, turns: [...episode.turns, record], transcript: [...episode.transcript, { from: 'assistant', text: record.response }] };
        outcomes.push(
          { type: 'message', from: assistant, to: [user], channel, content: record.response || '(no response)' },
          { type: 'payoff', agent: assistant, value: record.welfare, detail: { reward: 'mutual-welfare', llm: record.llm } },
          { type: 'payoff', agent: user, value: record.user, detail: { reward: 'user' } },
          {
            type: 'event',
            name: 'assistant-turn',
            agent: assistant,
            data: { task: episode.task.id, parsed: record.parsed, declared: record.declared, pareto: record.pareto, consistent: record.consistent, strategy: record.strategy, answer: record.answer },
          },
        );
        after = 'user';
      } else {
        const reply = action as UserAction;
        const ends = reply.kind === 'satisfied' || episode.turns.length >= params.maxTurns;
        next = {
          ...episode,
          transcript: [...episode.transcript, { from: 'user', text: reply.message }],
          replies: [...episode.replies, reply.kind],
          clarified: episode.clarified || reply.kind !== 'satisfied',
          done: ends,
        };
        outcomes.push({ type: 'message', from: user, to: [assistant], channel, content: reply.message });
        if (ends) {
          outcomes.push({ type: 'event', name: 'conversation-end', data: { task: episode.task.id, type: episode.task.type, satisfied: reply.kind === 'satisfied', turns: episode.turns.length } });
          current += 1;
        }
        after = 'assistant';
      }
      const episodes = s.episodes.map((e, i) => (i === s.current ? next : e));
      return { state: { turn: s.turn + 1, current, next: after, episodes, over: current >= episodes.length }, outcomes };
    },
    isOver: (s) => s.over,
    payoffs(s) {
      const turns = s.episodes.flatMap((e) => e.turns);
      return { [assistant]: turns.reduce((a, t) => a + t.welfare, 0), [user]: turns.reduce((a, t) => a + t.user, 0) };
    },
    metrics: (s) => assistantMetrics(s.episodes),
  };
}
