// Types of the public orchestration-trace format (data/trace-schema/trace_schema.json, draft 2020-12;
// source xxzcc/awesome-llm-mas-rl@a14d8de1d2ca). Types only.

export const ORCHESTRATION_EVENT_TYPES = [
  'orchestrator_decision',
  'spawn',
  'despawn',
  'message',
  'tool_call',
  'tool_result',
  'return',
  'aggregate',
  'human_intervention',
  'safety_event',
] as const;

export const ORCHESTRATION_EDGE_TYPES = [
  'temporal',
  'causal',
  'spawn',
  'message',
  'tool_dependency',
  'return',
  'aggregate',
  'safety_flow',
] as const;

export const ORCHESTRATION_TOPOLOGIES = [
  'centralized',
  'planner_executor_critic',
  'debate',
  'swarm',
  'hierarchical',
  'harness',
  'mixed',
  'unknown',
] as const;

export type OrchestrationEventType = (typeof ORCHESTRATION_EVENT_TYPES)[number];
export type OrchestrationEdgeType = (typeof ORCHESTRATION_EDGE_TYPES)[number];
export type OrchestrationTopology = (typeof ORCHESTRATION_TOPOLOGIES)[number];

export interface OrchestrationEvent {
  id: string;
  /** Time, >= 0. Polis exports its logical time (round / tick / step). */
  t: number;
  type: OrchestrationEventType;
  agent: string;
  role?: string;
  from?: string;
  to?: string;
  tool?: string;
  /** A hash or pointer to the content; raw text is omitted. */
  content_ref?: string;
  trusted?: boolean;
  /** Polis extension (events allow extra keys): the message channel. */
  channel?: string;
}

export interface OrchestrationEdge {
  src: string;
  dst: string;
  type: OrchestrationEdgeType;
}

export interface OrchestrationTrace {
  trace_id: string;
  task_id: string;
  system?: string;
  topology?: OrchestrationTopology;
  events: OrchestrationEvent[];
  edges: OrchestrationEdge[];
  rewards: Record<string, number>;
  costs: { tokens: number; wall_clock_s: number; tool_calls?: number; messages?: number } & Record<string, number>;
  metrics?: Record<string, number>;
}
