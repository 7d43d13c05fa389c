// The two kinds of cell the sweep benchmark measures: scripted (the offline model, CPU-bound) and
// model-bound (the same model with a fixed latency per call, as a remote API is).
import type { ModelBuilder } from '../../src/engine/experiment.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import type { SharedModels } from '../../src/engine/shared-models.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';

export type CellKind = 'scripted' | 'latency';
export const LATENCY_MS = 40;

export function benchBuilder(kind: CellKind, shared: SharedModels): ModelBuilder {
  if (kind === 'scripted') return defaultModelBuilder({ shared });
  return (_spec, { record, config }) =>
    createModelStack(new ScriptedClient({ random: true, seed: config.seed, latencyMs: LATENCY_MS }), { recording: { onCall: record }, pacing: { concurrency: 64 } });
}
