// Maps a Polis trace onto the public orchestration-trace schema (seed-systems.md section 0). The
// mapping, event by event, is documented in this folder's README.md.
import { hashValue, sha256 } from '../../core/hash.js';
import type { RunStartEvent, TraceEvent, TraceHeader } from '../event.js';
import type { OrchestrationSource } from '../import/from-orchestration.js';
import { importedFrom } from '../import/imported.js';
import type {
  OrchestrationEdgeType,
  OrchestrationEvent,
  OrchestrationTopology,
  OrchestrationTrace,
} from './orchestration-trace.js';

export interface ToOrchestrationOptions {
  /** The `topology` field. The engine decides every phase, so a Polis run is centralized. @default 'centralized' */
  topology?: OrchestrationTopology;
  /** The agent id given to the engine's own events. @default 'orchestrator' */
  orchestrator?: string;
  /** The `task_id` field. @default `<game name>@<game version>` from run-start, else the run id */
  taskId?: string;
}

export function toOrchestrationTrace(
  header: TraceHeader,
  events: readonly TraceEvent[],
  options: ToOrchestrationOptions = {},
): OrchestrationTrace {
  const imported = importedFrom(header);
  if (imported?.from === 'orchestration') return restoreOrchestrationTrace(imported.document, events);
  const b = new GraphBuilder(options.orchestrator ?? 'orchestrator');
  for (const event of events) b.add(event);
  if (b.events.length === 0) {
    b.push({ id: 'run', t: 0, type: 'orchestrator_decision', agent: b.orch, content_ref: `run:${header.runId}` }, []);
  }
  const runStart = events.find((e): e is RunStartEvent => e.type === 'run-start');
  const runEnd = events.findLast((e) => e.type === 'run-end');
  const rewards = b.rewards;
  if (runEnd && !('team' in rewards)) rewards.team = sum(Object.values(runEnd.payoffs));
  const trace: OrchestrationTrace = {
    trace_id: header.runId,
    task_id: options.taskId ?? (runStart ? `${runStart.game.name}@${runStart.game.version}` : header.runId),
    system: `${header.sdk.name}@${header.sdk.version}`,
    topology: options.topology ?? 'centralized',
    events: b.events,
    edges: b.edges,
    rewards,
    costs: {
      tokens: b.tokens,
      wall_clock_s: b.wallSeconds(),
      tool_calls: b.toolCalls,
      messages: b.messages,
    },
  };
  if (runEnd) trace.metrics = { ...runEnd.metrics };
  return trace;
}

class GraphBuilder {
  readonly events: OrchestrationEvent[] = [];
  readonly edges: Array<{ src: string; dst: string; type: OrchestrationEdgeType }> = [];
  readonly rewards: Record<string, number> = {};
  tokens = 0;
  toolCalls = 0;
  messages = 0;
  private readonly edgeKeys = new Set<string>();
  /** The exported event that stands for a Polis seq as a cause: the first one, or a model call's result. */
  private readonly causeId = new Map<number, string>();
  private agents: string[] = [];
  /** Messages not yet delivered: recipients still to act. */
  private undelivered: Array<{ id: string; to: Set<string> }> = [];
  /** The latest model result per agent, not yet turned into an action. */
  private readonly results = new Map<string, string>();
  /** Invalid-action events per agent, waiting for the action that resolves them. */
  private readonly safety = new Map<string, string>();
  private returns: string[] = [];
  private minWall = Infinity;
  private maxWall = -Infinity;

  constructor(readonly orch: string) {}

  add(e: TraceEvent): void {
    if (e.wall !== undefined) {
      this.minWall = Math.min(this.minWall, e.wall);
      this.maxWall = Math.max(this.maxWall, e.wall);
    }
    const t = Math.max(0, e.time);
    const id = `e${e.seq}`;
    const parents = e.parents ?? [];
    /** Emits one exported event for `e`; only the first of several carries `e`'s causal parents. */
    let first = true;
    const out = (eid: string, type: OrchestrationEvent['type'], agent: string, extra: Partial<OrchestrationEvent>) => {
      this.push({ id: eid, t, type, agent, ...extra }, first ? parents : [], e.seq);
      first = false;
    };
    switch (e.type) {
      case 'run-start': {
        this.agents = e.agents.map((a) => a.id);
        out(id, 'orchestrator_decision', this.orch, { content_ref: `run-start:${e.game.name}@${e.game.version}` });
        for (const a of e.agents) {
          const spawn = `${id}.spawn.${a.id}`;
          out(spawn, 'spawn', this.orch, { role: a.role, to: a.id, content_ref: `policy:${a.policy}` });
          this.edge(id, spawn, 'spawn');
        }
        return;
      }
      case 'phase-start':
        out(id, 'orchestrator_decision', this.orch, { content_ref: `phase:${e.phase.kind}:round-${e.phase.round}` });
        return;
      case 'observation':
        out(id, 'message', this.orch, { from: this.orch, to: e.agent, content_ref: hashValue(e.observation), trusted: true });
        this.undelivered.push({ id, to: new Set([e.agent]) });
        return;
      case 'model-call': {
        const tool = `${e.provider}/${e.modelId}`;
        const call = `${id}.call`;
        const result = `${id}.result`;
        out(call, 'tool_call', e.agent, { tool, content_ref: e.requestHash, ...(e.call.purpose ? { role: e.call.purpose } : {}) });
        out(result, 'tool_result', tool, { tool, content_ref: sha256(e.response.text), trusted: false });
        this.edge(call, result, 'tool_dependency');
        this.causeId.set(e.seq, result);
        this.results.set(e.agent, result);
        this.tokens += e.usage.inputTokens + e.usage.outputTokens;
        this.toolCalls += 1;
        return;
      }
      case 'message': {
        const to = e.to === 'all' ? 'all' : e.to.join(',');
        out(id, 'message', e.from, { from: e.from, to, channel: e.channel, content_ref: sha256(e.content), trusted: true });
        const recipients = e.to === 'all' ? this.agents.filter((a) => a !== e.from) : e.to;
        this.undelivered.push({ id, to: new Set(recipients) });
        this.messages += 1;
        return;
      }
      case 'action': {
        out(id, 'return', e.agent, { from: e.agent, to: this.orch, content_ref: hashValue(e.action), trusted: !e.defaulted });
        const result = this.results.get(e.agent);
        if (result) this.edge(result, id, 'return');
        this.results.delete(e.agent);
        const flag = this.safety.get(e.agent);
        if (flag) this.edge(flag, id, 'safety_flow');
        this.safety.delete(e.agent);
        this.returns.push(id);
        return;
      }
      case 'action-invalid': {
        out(id, 'safety_event', e.agent, { content_ref: `action-invalid:${e.kind}:${e.resolution}`, trusted: false });
        const result = this.results.get(e.agent);
        if (result) this.edge(result, id, 'safety_flow');
        this.results.delete(e.agent);
        this.safety.set(e.agent, id);
        return;
      }
      case 'outcome':
      case 'metric': {
        const ref = e.type === 'outcome' ? `outcome:${e.outcome.type}` : `metric:${e.name}`;
        out(id, 'aggregate', this.orch, { content_ref: ref });
        for (const r of this.returns) this.edge(r, id, 'aggregate');
        this.returns = [];
        return;
      }
      case 'reward':
        this.rewards[e.name] = (this.rewards[e.name] ?? 0) + e.value;
        return;
      case 'judge-score':
        for (const [key, value] of Object.entries(e.scores)) {
          const channel = `${e.judge.startsWith('judge:') ? e.judge : `judge:${e.judge}`}.${key}`;
          this.rewards[channel] = (this.rewards[channel] ?? 0) + value;
        }
        return;
      case 'run-end':
        for (const agent of this.agents) {
          out(`${id}.despawn.${agent}`, 'despawn', this.orch, { to: agent, content_ref: `run-end:${e.status}` });
        }
        return;
      case 'checkpoint':
      case 'text':
        return; // engine bookkeeping, not orchestration
    }
  }

  /** Adds an event with its temporal, causal and message-delivery edges. */
  push(event: OrchestrationEvent, parents: readonly number[], seq?: number): void {
    const previous = this.events.at(-1);
    this.events.push(event);
    if (previous) this.edge(previous.id, event.id, 'temporal');
    if (seq !== undefined && !this.causeId.has(seq)) this.causeId.set(seq, event.id);
    for (const p of parents) {
      const src = this.causeId.get(p);
      if (src !== undefined && src !== event.id) this.edge(src, event.id, 'causal');
    }
    for (const m of this.undelivered) {
      if (m.id !== event.id && m.to.delete(event.agent)) this.edge(m.id, event.id, 'message');
    }
    this.undelivered = this.undelivered.filter((m) => m.to.size > 0);
  }

  wallSeconds(): number {
    return this.maxWall > this.minWall ? (this.maxWall - this.minWall) / 1000 : 0;
  }

  private edge(src: string, dst: string, type: OrchestrationEdgeType): void {
    const key = `${src}\u0000${dst}\u0000${type}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ src, dst, type });
  }
}

function sum(values: number[]): number {
  return values.reduce((a, v) => a + v, 0);
}

/**
 * A trace imported from an orchestration trace, exported back: the source document, its events and
 * edges as each event kept them (so the result equals the source up to key order), plus the rewards
 * of judges run since (judge scores as `judge:<judge>.<score>`, reward events by name).
 */
function restoreOrchestrationTrace(document: Record<string, unknown>, events: readonly TraceEvent[]): OrchestrationTrace {
  const out: OrchestrationEvent[] = [];
  const edges: Array<{ i: number; src: string; dst: string; type: OrchestrationEdgeType }> = [];
  const added: Record<string, number> = {};
  for (const e of events) {
    const source = (e as { imported?: OrchestrationSource }).imported;
    if (source?.event) {
      out.push(source.event);
      for (const edge of source.edges) edges.push({ i: edge.i, src: edge.src, dst: source.event.id, type: edge.type });
    } else if (e.type === 'reward') {
      added[e.name] = (added[e.name] ?? 0) + e.value;
    } else if (e.type === 'judge-score') {
      for (const [key, value] of Object.entries(e.scores)) {
        const channel = `${e.judge.startsWith('judge:') ? e.judge : `judge:${e.judge}`}.${key}`;
        added[channel] = (added[channel] ?? 0) + value;
      }
    }
  }
  edges.sort((a, b) => a.i - b.i);
  const trace = { ...document, events: out, edges: edges.map(({ src, dst, type }) => ({ src, dst, type })) } as unknown as OrchestrationTrace;
  if (Object.keys(added).length > 0) {
    const rewards = { ...trace.rewards };
    for (const [k, v] of Object.entries(added)) rewards[k] = (rewards[k] ?? 0) + v;
    trace.rewards = rewards;
  }
  return trace;
}
