// Which events of a trace a judge scores, and the text it reads from each.
import type { TraceEvent } from '../../traces/event.js';
import type { JudgeTarget } from '../judge.js';

export interface TargetFilter {
  types: readonly string[];
  agents?: readonly string[] | undefined;
  roles?: readonly string[] | undefined;
}

/** The agent an event is about: the sender of a message, else the event's agent. */
export function eventAgent(event: TraceEvent): string | undefined {
  return event.type === 'message' ? event.from : event.agent;
}

/** The judged text of an event. */
export function eventText(event: TraceEvent): string {
  switch (event.type) {
    case 'message':
      return event.content;
    case 'model-call':
      return event.response.text;
    case 'action':
      return typeof event.action === 'string' ? event.action : JSON.stringify(event.action);
    case 'observation':
      return typeof event.observation === 'string' ? event.observation : JSON.stringify(event.observation);
    case 'outcome':
      return JSON.stringify(event.outcome);
    default:
      return JSON.stringify(event);
  }
}

/** Agent id → role, from the trace's run-start event. */
export function rolesOf(events: readonly TraceEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) if (e.type === 'run-start') for (const a of e.agents) out.set(a.id, a.role);
  return out;
}

export function selectTargets(events: readonly TraceEvent[], filter: TargetFilter): JudgeTarget[] {
  const roles = rolesOf(events);
  const types = new Set(filter.types);
  const agents = filter.agents ? new Set(filter.agents) : undefined;
  const wanted = filter.roles ? new Set(filter.roles) : undefined;
  const out: JudgeTarget[] = [];
  for (const e of events) {
    if (!types.has(e.type)) continue;
    const agent = eventAgent(e);
    if (agents && (agent === undefined || !agents.has(agent))) continue;
    if (wanted && (agent === undefined || !wanted.has(roles.get(agent) ?? ''))) continue;
    out.push({ seq: [e.seq], text: eventText(e), time: e.time, ...(agent === undefined ? {} : { agent }) });
  }
  return out;
}
