// Zod schemas for the trace contract (event.ts). They check what a reader relies on: types of known
// fields, enums, dense integers. Free-form payloads (observation, action, state, config, persona) are
// only required to be present. Unknown extra keys are tolerated so that older readers still read
// newer files that add optional fields.
import { z } from 'zod';
import type { TraceEvent, TraceHeader } from './event.js';

const count = z.number().int().nonnegative();
const stringMap = z.record(z.string(), z.string());
const numberMap = z.record(z.string(), z.number());

export const traceHeaderSchema = z.object({
  type: z.literal('header'),
  schemaVersion: z.number().int().positive(),
  runId: z.string().min(1),
  sdk: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  packages: stringMap,
  config: z.unknown(),
  seeds: z.object({ root: z.number().int() }).catchall(z.number().int()),
  models: z.record(z.string(), z.object({ provider: z.string().min(1), modelId: z.string().min(1) })),
  prompts: stringMap,
  parent: z
    .object({
      runId: z.string().min(1),
      atSeq: count.optional(),
      relation: z.enum(['fork', 'judged', 'resumed']),
    })
    .optional(),
  createdAt: z.iso.datetime({ offset: true }),
});

/** Fields every event has. Logical time is a round / tick / step, so never negative. */
const base = {
  seq: count,
  time: z.number().nonnegative(),
  agent: z.string().min(1).optional(),
  parents: z.array(count).optional(),
  wall: z.number().nonnegative().optional(),
};

const runStart = z.object({
  ...base,
  type: z.literal('run-start'),
  game: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  agents: z.array(
    z.object({
      id: z.string().min(1),
      role: z.string(),
      policy: z.string(),
      usesModel: z.boolean(),
      persona: z.unknown().optional(),
    }),
  ),
});

const phaseStart = z.object({
  ...base,
  type: z.literal('phase-start'),
  phase: z.object({
    kind: z.string().min(1),
    agents: z.array(z.string()),
    round: z.number().int().nonnegative(),
    label: z.string().optional(),
    channel: z.string().optional(),
  }),
});

const observation = z.object({
  ...base,
  type: z.literal('observation'),
  agent: z.string().min(1),
  observation: z.unknown(),
});

const modelCall = z.object({
  ...base,
  type: z.literal('model-call'),
  agent: z.string().min(1),
  provider: z.string().min(1),
  modelId: z.string().min(1),
  requestHash: z.string().min(1),
  call: z.object({
    purpose: z.string().optional(),
    turn: z.number().optional(),
    replicate: z.number().optional(),
    position: z.number().optional(),
    role: z.string().optional(),
  }),
  request: z.object({
    messages: z.array(z.object({ role: z.string(), content: z.string() })),
    schema: z.unknown().optional(),
    sampling: z.unknown().optional(),
  }),
  response: z.object({
    text: z.string(),
    object: z.unknown().optional(),
    finishReason: z.string(),
    refusal: z.string().optional(),
  }),
  usage: z.object({
    inputTokens: count,
    outputTokens: count,
    cachedInputTokens: count,
    reasoningTokens: count,
  }),
  cost: z.number().nonnegative(),
  attempts: z.array(
    z.object({
      attempt: z.number().int().positive(),
      ok: z.boolean(),
      status: z.number().int().optional(),
      error: z.string().optional(),
      delayMs: z.number().nonnegative().optional(),
      durationMs: z.number().nonnegative().optional(),
    }),
  ),
  cache: z.enum(['hit', 'miss', 'shared', 'off']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

const action = z.object({
  ...base,
  type: z.literal('action'),
  agent: z.string().min(1),
  action: z.unknown(),
  defaulted: z.boolean().optional(),
});

const actionInvalid = z.object({
  ...base,
  type: z.literal('action-invalid'),
  agent: z.string().min(1),
  kind: z.enum(['unparsable', 'illegal', 'refused', 'timeout']),
  error: z.string(),
  raw: z.string().optional(),
  attempt: z.number().int().positive(),
  resolution: z.enum(['repair', 'default']),
});

const message = z.object({
  ...base,
  type: z.literal('message'),
  from: z.string().min(1),
  to: z.union([z.array(z.string().min(1)), z.literal('all')]),
  channel: z.string(),
  content: z.string(),
});

const outcome = z.object({
  ...base,
  type: z.literal('outcome'),
  outcome: z.looseObject({ type: z.string().min(1) }),
});

const metric = z.object({ ...base, type: z.literal('metric'), name: z.string().min(1), value: z.number() });

const judgeScore = z.object({
  ...base,
  type: z.literal('judge-score'),
  judge: z.string().min(1),
  target: z.array(count),
  scores: numberMap,
  rationale: z.string().optional(),
});

const reward = z.object({
  ...base,
  type: z.literal('reward'),
  name: z.string().min(1),
  agent: z.string().min(1),
  value: z.number(),
  target: z.array(count).optional(),
});

const checkpoint = z.object({ ...base, type: z.literal('checkpoint'), state: z.unknown() });

const runEnd = z.object({
  ...base,
  type: z.literal('run-end'),
  status: z.enum(['completed', 'degraded', 'stopped', 'failed']),
  reason: z.string().optional(),
  payoffs: numberMap,
  metrics: numberMap,
});

const text = z.object({
  ...base,
  type: z.literal('text'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest'),
  text: z.string(),
});

export const traceEventSchema = z.discriminatedUnion('type', [
  runStart,
  phaseStart,
  observation,
  modelCall,
  action,
  actionInvalid,
  message,
  outcome,
  metric,
  judgeScore,
  reward,
  checkpoint,
  runEnd,
  text,
]);

// Compile-time guard: a value the schemas accept must be usable as the contract's types. Not exported:
// it checks our build, not a consumer's (whose `exactOptionalPropertyTypes` would read zod's optional
// fields differently).
type Assignable<T extends U, U> = T;
type _HeaderCheck = Assignable<z.output<typeof traceHeaderSchema>, TraceHeader>;
type _EventCheck = Assignable<z.output<typeof traceEventSchema>, TraceEvent>;
