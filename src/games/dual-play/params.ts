// Parameters of proposer/solver dual play (spec 7; PasoDoble, arXiv 2511.11881; HCY123902/PasoDoble@16dae4f3cd8f).
import { z } from 'zod';

export const dualPlayParamsSchema = z
  .object({
    /** k, the solvers answering each problem (seats 1..k; seat 0 is the proposer). PasoDoble samples 6. @default 3 */
    solvers: z.number().int().min(1).max(64).default(3),
    /** Rounds; one problem per round. @default 6 */
    rounds: z.number().int().min(1).default(6),
    /**
     * Which side is updating (trained) each round, recorded for a trainer: `online` updates both every round;
     * `alternating` (PasoDoble's offline variant) updates one side for `alternateEvery` rounds while the other
     * is frozen, proposer first. @default 'online'
     */
    schedule: z.enum(['online', 'alternating']).default('online'),
    /** Rounds per block in the alternating schedule. @default 2 */
    alternateEvery: z.number().int().min(1).default(2),
    /** τ_low: a pass rate at or below it gives the proposer 0. @default 0.2 (the run scripts' value) */
    tauLow: z.number().min(0).max(1).default(0.2),
    /** τ_high: a round is trainable only when τ_low < p < τ_high. @default 1 */
    tauHigh: z.number().min(0).max(1).default(1),
    /** Diversity at or below this gives the proposer 0. @default 0.3 */
    minDiversity: z.number().min(0).max(1).default(0.3),
    /** Accepted questions the diversity compares with. @default 100 */
    historyWindow: z.number().int().min(1).default(100),
    /** A past question with token-set Jaccard similarity ≤ this counts as different. @default 0.8 */
    similarityThreshold: z.number().min(0).max(1).default(0.8),
    /** Knowledge passages; each round the proposer is shown one, drawn with the game's rng (PasoDoble's pretraining snippets). @default [] */
    passages: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((p) => p.tauLow < p.tauHigh, { message: 'tauLow must be below tauHigh', path: ['tauLow'] });

export type DualPlayParams = z.infer<typeof dualPlayParamsSchema>;
