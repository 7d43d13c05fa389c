// Parameters of the coopetition game (Coopetition-Gym, Pant & Yu; vikpant/strategic-coopetition@d2dffd51032c; spec §16).
import { z } from 'zod';

const matrixOrScalar = z.union([z.number(), z.array(z.array(z.number()))]);

export const coopetitionParamsSchema = z
  .object({
    /** Agents N. @default 2 */
    agents: z.number().int().min(2).max(100).default(2),
    /** Endowment e_i per round: one number for everyone or one per agent, in units. @default 100 */
    endowment: z.union([z.number().positive(), z.array(z.number().positive())]).default(100),
    /** Individual value f: `logarithmic` θ·ln(1 + a) (the validated default) or `power` a^β. @default 'logarithmic' */
    valueFunction: z.enum(['logarithmic', 'power']).default('logarithmic'),
    /** θ of the logarithmic value. @default 20 */
    theta: z.number().positive().default(20),
    /** β of the power value, in (0, 1). @default 0.75 */
    beta: z.number().gt(0).lt(1).default(0.75),
    /** γ, weight of the synergy (geometric mean of investments). @default 0.65 (Samsung–Sony S-LCD) */
    gamma: z.number().min(0).default(0.65),
    /** Bargaining shares α_i of the synergistic surplus, normalised to sum to 1. @default equal shares */
    alpha: z.array(z.number().min(0)).optional(),
    /** Interdependence D: one off-diagonal value for all pairs or an N×N matrix (diagonal ignored). @default 0.5 */
    interdependence: matrixOrScalar.default(0.5),
    /** Trust T: one value or an N×N matrix scaling D in the integrated utility. @default 1 */
    trust: matrixOrScalar.default(1),
    /** What the game pays each round: the private payoff π_i or the integrated utility U_i. @default 'private' */
    rewardMode: z.enum(['private', 'integrated']).default('private'),
    /** Rounds. @default 10 */
    rounds: z.number().int().min(1).default(10),
  })
  .strict()
  .superRefine((p, ctx) => {
    const sized = (value: unknown, path: string) => {
      if (Array.isArray(value) && value.length !== p.agents) ctx.addIssue({ code: 'custom', path: [path], message: `expected ${p.agents} entries (one per agent), got ${value.length}` });
    };
    sized(p.endowment, 'endowment');
    sized(p.alpha, 'alpha');
    for (const key of ['interdependence', 'trust'] as const) {
      const m = p[key];
      if (!Array.isArray(m)) continue;
      sized(m, key);
      m.forEach((row, i) => {
        if (row.length !== p.agents) ctx.addIssue({ code: 'custom', path: [key, i], message: `expected ${p.agents} columns, got ${row.length}` });
      });
    }
    if (p.alpha && !(p.alpha.reduce((a, b) => a + b, 0) > 0)) ctx.addIssue({ code: 'custom', path: ['alpha'], message: 'shares must not all be 0' });
  });

export type CoopetitionParams = z.infer<typeof coopetitionParamsSchema>;
export type CoopetitionParamsInput = z.input<typeof coopetitionParamsSchema>;

/** Params with every per-agent quantity expanded: endowments, normalised shares, D and T matrices. */
export interface CoopetitionModel {
  n: number;
  endowments: number[];
  valueFunction: CoopetitionParams['valueFunction'];
  theta: number;
  beta: number;
  gamma: number;
  alpha: number[];
  interdependence: number[][];
  trust: number[][];
}

export function coopetitionModel(p: CoopetitionParams): CoopetitionModel {
  const n = p.agents;
  const expand = (m: number | number[][]) => (Array.isArray(m) ? m.map((row) => [...row]) : Array.from({ length: n }, () => Array<number>(n).fill(m)));
  const raw = p.alpha ?? Array<number>(n).fill(1);
  const sum = raw.reduce((a, b) => a + b, 0);
  return {
    n,
    endowments: Array.isArray(p.endowment) ? [...p.endowment] : Array<number>(n).fill(p.endowment),
    valueFunction: p.valueFunction,
    theta: p.theta,
    beta: p.beta,
    gamma: p.gamma,
    alpha: raw.map((a) => a / sum),
    interdependence: expand(p.interdependence),
    trust: expand(p.trust),
  };
}
