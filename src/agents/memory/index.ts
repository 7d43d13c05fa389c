import { z } from 'zod';
import type { ModelClient } from '../../models/model.js';
import type { Memory } from '../agent.js';
import { FullMemory } from './full-memory.js';
import { SummaryMemory } from './summary-memory.js';
import { WindowMemory } from './window-memory.js';

export { FullMemory, SummaryMemory, WindowMemory };

export const memoryConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }).strict(),
  z.object({ kind: z.literal('window'), size: z.number().int().min(1) }).strict(),
  z
    .object({
      kind: z.literal('summary'),
      every: z.number().int().min(2).default(10),
      keep: z.number().int().min(0).default(3),
      /** Model spec for the summariser; defaults to the agent's own model. */
      model: z.string().optional(),
    })
    .strict(),
]);

export type MemoryConfig = z.infer<typeof memoryConfigSchema>;

export function createMemory(config: MemoryConfig | undefined, agentId: string, model?: ModelClient): Memory {
  if (!config || config.kind === 'full') return new FullMemory();
  if (config.kind === 'window') return new WindowMemory(config.size);
  if (!model) throw new TypeError(`agent ${agentId}: summary memory needs a model`);
  return new SummaryMemory({ model, every: config.every, keep: config.keep, agentId });
}
