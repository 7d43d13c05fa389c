// The repeated-games prompt protocol (Akata et al. 2025; spec section 2) as a Role: rules from the player's
// own side (one line per outcome), one line per past round, options in the order the game drew for this
// round, and a one-word answer parsed from free text.
//
// Predict-then-act is a game sub-phase, not a two-call role: in that variant the matrix game runs a
// `predict` phase (the action is a label: the predicted opponent option) before each `choose` phase, and
// the choose observation carries the agent's own prediction. So each model call is one Role render/parse,
// the engine records, validates and repairs predictions like any action, and the game scores them.
import type { z } from 'zod';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import type { MatrixObservation, RoundNode } from '../games/matrix/matrix-state.js';
import type { ChatMessage } from '../models/model.js';
import type { RenderInput, Role } from './role.js';

/** "Option J or Option F" (or "Option A, Option B or Option C"), in the round's presentation order. */
export function choiceList(options: readonly string[]): string {
  const named = options.map((o) => `Option ${o}`);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** One line per outcome, from the observer's side, options in presentation order. */
export function outcomeLines(obs: MatrixObservation): string {
  const lines: string[] = [];
  for (const own of obs.options) {
    for (const other of obs.options) {
      const cell = obs.rules[obs.labels.indexOf(own)]?.[obs.labels.indexOf(other)];
      if (!cell) continue;
      lines.push(`- If you pick Option ${own} and the other player picks Option ${other}: you get ${cell[0]} points and the other player gets ${cell[1]} points.`);
    }
  }
  return lines.join('\n');
}

/**
 * One line per past round, oldest first, from the observer's side; with `recent`, only the last `recent`
 * rounds (the agent's memory horizon) after a line saying how many earlier rounds are not shown.
 */
export function historyLines(obs: MatrixObservation, recent?: number): string {
  const rounds: RoundNode[] = [];
  for (let node = obs.history; node && (recent === undefined || rounds.length < recent); node = node.prev) rounds.push(node);
  if (rounds.length === 0) return 'No rounds have been played yet.';
  rounds.reverse();
  const played = obs.round - 1;
  const first = played - rounds.length + 1;
  const lines = rounds.map((r, k) => {
    const [own, other, ownPay, otherPay] = obs.seat === 0 ? [r.a, r.b, r.pa, r.pb] : [r.b, r.a, r.pb, r.pa];
    return `In round ${first + k}, you picked Option ${obs.labels[own]} and the other player picked Option ${obs.labels[other]}, so you got ${ownPay} points and the other player got ${otherPay} points.`;
  });
  if (first > 1) lines.unshift(`(Rounds 1 to ${first - 1} are not shown.)`);
  return lines.join('\n');
}

/**
 * The first option label in `text`: an "Option X" mention wins, else the first word that is exactly a label
 * (case-sensitive, so a label "A" is not read from the article "a"). Throws `InvalidActionError`
 * ('unparsable') when no label appears.
 */
export function parseOption(text: string, labels: readonly string[]): string {
  for (const m of text.matchAll(/option\s*[:\-]?\s*([A-Za-z0-9_-]+)/gi)) {
    if (labels.includes(m[1] as string)) return m[1] as string;
  }
  for (const word of text.split(/[^A-Za-z0-9_-]+/)) {
    if (labels.includes(word)) return word;
  }
  throw new InvalidActionError('unparsable', `no option label (${labels.join(', ')}) in the answer ${JSON.stringify(text.slice(0, 200))}`, text);
}

export const matrixPlayer: Role<MatrixObservation, string> = {
  name: 'matrix-player',
  templates: ['matrix-player', 'matrix-predict'],
  structured: false,
  render(input: RenderInput<MatrixObservation, string>): ChatMessage[] {
    const obs = input.observation;
    const common = {
      rounds: obs.rounds,
      outcomes: outcomeLines(obs),
      history: historyLines(obs, input.agent.memory?.horizon),
      round: obs.round,
      choices: choiceList(obs.options),
    };
    const messages =
      obs.step === 'predict'
        ? renderPrompt(loadPrompt('matrix-predict'), common)
        : renderPrompt(loadPrompt('matrix-player'), {
            ...common,
            prediction:
              obs.prediction === undefined
                ? ''
                : ` You predicted that the other player will pick Option ${obs.prediction} in this round; choose what is best for you given that prediction.`,
          });
    if (input.feedback) {
      messages.push({
        role: 'user',
        content: `Your previous answer could not be used (${input.feedback.error}). Answer with one of: ${choiceList(obs.options)}.`,
      });
    }
    return messages;
  },
  parse(text: string, _schema: z.ZodType<string>, obs: MatrixObservation): string {
    return parseOption(text, obs.labels);
  },
  format: (action: string) => `Option ${action}`,
  remember(obs: MatrixObservation, action: string): string {
    return obs.step === 'predict' ? `Round ${obs.round}: predicted Option ${action}.` : `Round ${obs.round}: picked Option ${action}.`;
  },
};
