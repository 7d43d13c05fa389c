// Persona drift: at intervals, ask model agents who they are and score the answer against their
// persona. Drift = 1 - mean agreement; 0 means every agent still answers in character.
import { z } from 'zod';
import type { ModelClient } from '../models/model.js';
import type { Agent } from './agent.js';
import type { Persona } from './persona.js';

const selfReportSchema = z.object({
  name: z.string(),
  age: z.number().nullable(),
  occupation: z.string().nullable(),
  traits: z.array(z.string()),
  values: z.array(z.string()),
});
export type SelfReport = z.infer<typeof selfReportSchema>;

/** Agreement in [0, 1] between a persona and a self-report: the mean over the fields the persona sets. */
export function personaAgreement(persona: Persona, report: SelfReport): number {
  const scores: number[] = [];
  const norm = (s: string) => s.trim().toLowerCase();
  scores.push(norm(report.name) === norm(persona.name) ? 1 : 0);
  if (persona.age !== undefined) scores.push(report.age !== null && Math.abs(report.age - persona.age) <= 2 ? 1 : 0);
  if (persona.occupation) scores.push(report.occupation !== null && norm(report.occupation).includes(norm(persona.occupation)) ? 1 : 0);
  const overlap = (want: string[], got: string[]) => {
    const g = new Set(got.map(norm));
    return want.filter((w) => g.has(norm(w))).length / want.length;
  };
  if (persona.traits.length) scores.push(overlap(persona.traits, report.traits));
  if (persona.values.length) scores.push(overlap(persona.values, report.values));
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** A round probe for the engine: returns `persona.drift` (and per-agent agreement). */
export function personaDriftProbe(options: { every: number; modelFor: (agent: Agent) => ModelClient | undefined }) {
  return {
    every: options.every,
    async run(agents: readonly Agent[], round: number): Promise<Record<string, number>> {
      const probed = agents.filter((a) => a.persona && a.policy.metadata.usesModel && options.modelFor(a));
      if (probed.length === 0) return {};
      const agreements = await Promise.all(
        probed.map(async (agent) => {
          const response = await options.modelFor(agent)!.generate<SelfReport>({
            messages: [
              { role: 'system', content: `You are ${agent.persona!.name}. Stay in character.` },
              ...agent.memory.view().map((m) => ({ role: 'user' as const, content: m.text })),
              { role: 'user', content: 'Describe yourself: your name, age, occupation, main personality traits and values.' },
            ],
            output: { schema: selfReportSchema, name: 'self_report' },
            call: { agentId: agent.id, role: agent.role, turn: round, purpose: 'persona-probe' },
          });
          return [agent.id, response.object ? personaAgreement(agent.persona!, response.object) : 0] as const;
        }),
      );
      const mean = agreements.reduce((s, [, v]) => s + v, 0) / agreements.length;
      return { 'persona.drift': 1 - mean, ...Object.fromEntries(agreements.map(([id, v]) => [`persona.agreement.${id}`, v])) };
    },
  };
}
