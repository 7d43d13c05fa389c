// An orchestration trace (data/trace-schema/trace_schema.json) as Polis events, one per source event,
// in the source's order. The source event is kept verbatim in `imported.event`, and each edge in
// `imported.edges` of its destination (with its position, so the export restores the document exactly).
// Causal parents: the sources of every non-temporal edge into the event. The mapping is in README.md.
import { InputError } from '../../core/errors/input-error.js';
import type { NewTraceEvent } from '../event.js';
import type { OrchestrationEdge, OrchestrationEvent, OrchestrationTrace } from '../orchestration/orchestration-trace.js';
import { validateOrchestrationTrace } from '../orchestration/validate-orchestration-trace.js';
import { withImported, type ConvertedEvent, type ConvertedTrace } from './imported.js';

/** The `imported` field of an event converted from an orchestration trace. */
export interface OrchestrationSource {
  event: OrchestrationEvent & Record<string, unknown>;
  /** The edges whose `dst` is this event: position in the source `edges`, `src`, `type`. */
  edges: Array<{ i: number; src: string; type: OrchestrationEdge['type'] }>;
}

export function fromOrchestration(json: unknown, file: string): ConvertedTrace {
  const errors = validateOrchestrationTrace(json);
  if (errors.length > 0) {
    const e = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new InputError(`not a valid orchestration trace: ${e.message}; expected the schema in data/trace-schema/trace_schema.json${more}`, {
      file,
      field: e.path || '(document)',
    });
  }
  const doc = json as OrchestrationTrace & Record<string, unknown>;
  const { events: sourceEvents, edges, ...document } = doc;
  const index = new Map(sourceEvents.map((e, i) => [e.id, i]));
  const incoming: Array<OrchestrationSource['edges']> = sourceEvents.map(() => []);
  edges.forEach((edge, i) => incoming[index.get(edge.dst)!]!.push({ i, src: edge.src, type: edge.type }));

  // Agents in order of first appearance: spawned ones with their role, then every other actor.
  const agents = new Map<string, string>();
  const see = (id: string | undefined, role = '') => {
    if (id && id !== 'all' && !agents.has(id)) agents.set(id, role);
  };
  for (const e of sourceEvents) if (e.type === 'spawn') see(e.to, e.role);
  for (const e of sourceEvents) {
    see(e.agent, e.type === 'spawn' || e.type === 'tool_result' ? '' : e.role);
    see(e.from);
  }

  const out: ConvertedEvent[] = [
    {
      event: {
        type: 'run-start',
        time: 0,
        game: { name: doc.task_id, version: 'orchestration' },
        agents: [...agents].map(([id, role]) => ({ id, role, policy: 'imported', usesModel: false })),
      },
      parents: [],
    },
  ];
  sourceEvents.forEach((source, i) => {
    const imported: OrchestrationSource = { event: source as OrchestrationSource['event'], edges: incoming[i]! };
    const parents = [...new Set(incoming[i]!.filter((e) => e.type !== 'temporal').map((e) => index.get(e.src)!).filter((p) => p < i))];
    out.push({ event: withImported(toPolis(source as OrchestrationSource['event']), imported), parents: parents.map((p) => p + 1) });
  });
  const last = sourceEvents.at(-1)!;
  const metrics = Object.fromEntries(Object.entries(doc.metrics ?? {}).filter(([, v]) => typeof v === 'number'));
  out.push({ event: { type: 'run-end', time: last.t, status: 'completed', payoffs: {}, metrics }, parents: [] });
  return { runId: doc.trace_id, document, events: out };
}

/** The Polis event that stands for one orchestration event (without its `imported` record). */
function toPolis(e: OrchestrationEvent & Record<string, unknown>): NewTraceEvent {
  const time = e.t;
  const round = Math.floor(e.t);
  const ref = e.content_ref;
  const text = typeof e.content === 'string' ? e.content : '';
  const contentRef = ref === undefined ? {} : { contentRef: ref };
  switch (e.type) {
    case 'orchestrator_decision':
    case 'spawn':
    case 'despawn':
      return {
        type: 'phase-start',
        time,
        agent: e.agent,
        phase: { kind: e.type, agents: e.to ? [e.to] : [], round, ...(e.role ? { label: e.role } : {}) },
        ...contentRef,
      } as NewTraceEvent;
    case 'message':
    case 'human_intervention': {
      const to = e.to === undefined || e.to === 'all' ? 'all' : e.to.split(',');
      const channel = typeof e.channel === 'string' ? e.channel : e.type === 'message' ? 'default' : 'human';
      return { type: 'message', time, agent: e.agent, from: e.from ?? e.agent, to, channel, content: text, ...contentRef } as NewTraceEvent;
    }
    case 'tool_call':
    case 'return':
      return {
        type: 'action',
        time,
        agent: e.agent,
        action: e.type === 'tool_call' ? { tool_call: { tool: e.tool ?? null, content_ref: ref ?? null } } : { return: { to: e.to ?? null, content_ref: ref ?? null } },
      };
    case 'tool_result':
      return { type: 'observation', time, agent: e.agent, observation: { tool_result: { tool: e.tool ?? null, content_ref: ref ?? null } } };
    case 'aggregate':
    case 'safety_event':
      return { type: 'outcome', time, agent: e.agent, outcome: { type: e.type, content_ref: ref ?? null, ...(e.trusted === undefined ? {} : { trusted: e.trusted }) } };
  }
}
