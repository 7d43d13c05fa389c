// (a) The third-party measurement of spec 8.3: a judge model reads the conversation up to a persuadee turn and
// rates the persuadee's agreement with the claim on the game's Likert scale. Out-of-range ratings are clamped
// and flagged, as the rubric judges do (src/judges/llm/rubric-judge.ts).
import { z } from 'zod';
import { loadPrompt, renderPrompt } from '../../agents/prompt-template.js';
import { JudgeOutputError } from '../../core/errors/judge-output-error.js';
import type { ModelClient } from '../../models/model.js';
import type { JudgeCallOptions } from '../judge.js';
import { callJudge } from '../llm/call-judge.js';
import type { DialogueTurn, SusceptibilitySetupRecord } from './read-dialogue.js';

const ratingSchema = z.object({ agreement: z.number(), rationale: z.string().optional() });
type Rating = z.infer<typeof ratingSchema>;

export interface ThirdPartyRating {
  agreement: number;
  rationale?: string;
  /** The raw rating was outside 1..scale and was clamped. */
  clamped: boolean;
  cost: number;
}

/** The conversation as a neutral observer reads it. */
export function observerTranscript(turn: DialogueTurn): string {
  return turn.transcript.map((u) => `${u.speaker === 'persuader' ? 'Persuader' : 'Persuadee'}: ${u.text}`).join('\n');
}

export async function rateTurnAgreement(
  client: ModelClient,
  name: string,
  setup: SusceptibilitySetupRecord,
  turn: DialogueTurn,
  options: JudgeCallOptions = {},
): Promise<ThirdPartyRating> {
  const messages = renderPrompt(loadPrompt('susceptibility-judge'), { claim: setup.claim, scale: setup.scale, transcript: observerTranscript(turn) });
  const { object, response } = await callJudge<Rating>(client, {
    judge: name,
    messages,
    schema: ratingSchema,
    schemaName: 'agreement',
    options: { ...options, turn: turn.time },
    // each turn is its own target; the position keeps their cache keys apart
    position: turn.turn,
    fromText: (text) => {
      const m = /agreement\D{0,20}?(\d+(?:\.\d+)?)/i.exec(text);
      return m ? { agreement: Number(m[1]) } : undefined;
    },
  });
  if (!Number.isFinite(object.agreement)) throw new JudgeOutputError(name, 'agreement is not a number', response.text);
  const agreement = Math.min(setup.scale, Math.max(1, object.agreement));
  return { agreement, ...(object.rationale ? { rationale: object.rationale } : {}), clamped: agreement !== object.agreement, cost: response.cost ?? 0 };
}
