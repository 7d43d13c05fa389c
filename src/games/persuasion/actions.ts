// The action schema of each step (structured output for model roles, validation for every seat), and the
// declared defaults used when a seat's action stays invalid after repair.
import { z } from 'zod';
import type { AttackAction, FeedbackAction, OpenAction, PersuasionAction, PersuasionState, PredictAction, Prediction, ReplyAction, Step } from './types.js';

const message = z.string().trim().min(1, 'say something');
const guess = z.string().trim().min(1, 'write a guess or "unknown"');
const option = z.object({ belief: guess, desire: guess }).strict();

export const predictionSchema = z.object({ preventive: option, generative: option }).strict();
export const stanceSchema = z.enum(['preventive', 'undecided', 'generative']);

export const openSchema = z.object({ type: z.literal('open'), message }).strict();
export const replySchema = z.object({ type: z.literal('reply'), message, stance: stanceSchema }).strict();
export const predictSchema = z.object({ type: z.literal('predict'), prediction: predictionSchema }).strict();
export const feedbackSchema = z.object({ type: z.literal('feedback'), feedback: message }).strict();
export const attackSchema = z
  .object({
    type: z.literal('attack'),
    /** The revised prediction the attack is built on (after the observer's feedback). */
    prediction: predictionSchema,
    /** The ONE point attacked: the belief or the desire of this cycle's option. */
    point: z.enum(['belief', 'desire']),
    /** Refute: argue the point is wrong. Divert: the generative option serves it as well or better. */
    tactic: z.enum(['refute', 'divert']),
    message,
  })
  .strict();

const SCHEMAS: Record<Step, z.ZodType<PersuasionAction>> = {
  open: openSchema as z.ZodType<OpenAction>,
  reply: replySchema as z.ZodType<ReplyAction>,
  predict: predictSchema as z.ZodType<PredictAction>,
  feedback: feedbackSchema as z.ZodType<FeedbackAction>,
  attack: attackSchema as z.ZodType<AttackAction>,
};

export function schemaOf(step: Step): z.ZodType<PersuasionAction> {
  return SCHEMAS[step];
}

export const UNKNOWN_PREDICTION: Prediction = { preventive: { belief: 'unknown', desire: 'unknown' }, generative: { belief: 'unknown', desire: 'unknown' } };

/** The declared default of `step`: a neutral move that keeps the protocol going. */
export function defaultOf(state: PersuasionState, step: Step): PersuasionAction {
  const s = state.scenario;
  const last = state.predictions[state.predictions.length - 1]?.prediction ?? UNKNOWN_PREDICTION;
  switch (step) {
    case 'open':
      return { type: 'open', message: `I think you should ${s.generative.content}. Why would you rather ${s.preventive.content}?` };
    case 'reply':
      return { type: 'reply', message: 'I am not sure yet.', stance: state.stances[state.stances.length - 1] ?? 'preventive' };
    case 'predict':
      return { type: 'predict', prediction: last };
    case 'feedback':
      return { type: 'feedback', feedback: 'No feedback this time.' };
    case 'attack':
      return { type: 'attack', prediction: last, point: 'belief', tactic: 'divert', message: `Please think again about whether to ${s.generative.content}.` };
  }
}
