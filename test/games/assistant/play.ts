// Steps the assistant game with scripted strategies (no engine): the protocol tests' driver.
import { Rng } from '../../../src/core/rng.js';
import { createAssistantGame } from '../../../src/games/assistant/assistant-game.js';
import type { AssistantParamsInput } from '../../../src/games/assistant/params.js';
import type { Strategy } from '../../../src/games/definition.js';
import type { AssistantGameAction, AssistantGameState } from '../../../src/games/assistant/types.js';

export function play(params: AssistantParamsInput, assistant: Strategy, user: Strategy) {
  const game = createAssistantGame(params, ['assistant', 'user']);
  const rng = Rng.fromSeed(1);
  let state: AssistantGameState = game.init(rng);
  for (let guard = 0; guard < 1000; guard++) {
    const phase = game.phase(state);
    if (!phase) break;
    const agent = phase.agents[0]!;
    const observation = game.observe(state, agent);
    let action: AssistantGameAction = agent === 'assistant' ? (assistant.decide(observation, rng) as AssistantGameAction) : (user.decide(observation, rng) as AssistantGameAction);
    if (agent === 'assistant') {
      // As the engine does after failed repairs: an illegal action becomes the declared default.
      if (game.legality?.(state, agent, action)) action = game.defaultAction(state, agent);
    }
    state = game.apply(state, new Map([[agent, action]]), rng).state;
  }
  return { game, state, metrics: game.metrics(state), payoffs: game.payoffs(state) };
}

/** Per conversation: the cells the assistant declared and the user's reply kinds. */
export const moves = (state: AssistantGameState) =>
  Object.fromEntries(state.episodes.map((e) => [e.task.id, { played: e.turns.map((t) => t.declared), replies: e.replies }]));
