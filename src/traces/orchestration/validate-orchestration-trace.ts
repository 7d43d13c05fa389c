// Validates an orchestration trace twice over: the published JSON Schema (ajv, draft 2020-12) and
// the extra rules of the reference validator (seed-systems.md section 0), which a schema cannot
// express: unique event ids and edges that point at existing events.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { ORCHESTRATION_EDGE_TYPES, ORCHESTRATION_EVENT_TYPES } from './orchestration-trace.js';

export interface OrchestrationTraceError {
  /** JSON pointer of the offending value (`''` for the document). */
  path: string;
  message: string;
  /** `schema` for the JSON Schema, `rule` for the reference validator's checks. */
  source: 'schema' | 'rule';
}

const SCHEMA_URL = new URL('../../../data/trace-schema/trace_schema.json', import.meta.url);
let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  return compiled!;
}

/** Returns every problem found; an empty list means the trace is valid. */
export function validateOrchestrationTrace(json: unknown): OrchestrationTraceError[] {
  const errors: OrchestrationTraceError[] = [];
  const validate = schemaValidator();
  if (!validate(json)) {
    for (const e of validate.errors ?? []) {
      const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
      errors.push({ path: e.instancePath, message: `${e.message ?? e.keyword}${extra}`, source: 'schema' });
    }
  }
  for (const e of referenceRules(json)) {
    if (!errors.some((x) => x.path === e.path && x.source === 'schema')) errors.push(e);
  }
  return errors;
}

const REQUIRED_TOP = ['trace_id', 'task_id', 'events', 'edges', 'rewards', 'costs'];
const REQUIRED_EVENT = ['id', 't', 'type', 'agent'];
const REQUIRED_EDGE = ['src', 'dst', 'type'];
const EVENT_TYPES: ReadonlySet<string> = new Set(ORCHESTRATION_EVENT_TYPES);
const EDGE_TYPES: ReadonlySet<string> = new Set(ORCHESTRATION_EDGE_TYPES);

/** The reference validator's rules, in its order: top-level keys, events, edges, costs. */
export function referenceRules(json: unknown): OrchestrationTraceError[] {
  const out: OrchestrationTraceError[] = [];
  const err = (path: string, message: string) => out.push({ path, message, source: 'rule' });
  if (!isRecord(json)) {
    err('', 'expected a JSON object');
    return out;
  }
  for (const key of REQUIRED_TOP) if (!(key in json)) err('', `missing required key ${key}`);
  const ids = new Set<string>();
  if (!Array.isArray(json.events) || json.events.length === 0) {
    err('/events', 'events must be a non-empty list');
  } else {
    json.events.forEach((event: unknown, i) => {
      const at = `/events/${i}`;
      if (!isRecord(event)) return err(at, 'event must be an object');
      for (const key of REQUIRED_EVENT) if (!(key in event)) err(at, `event missing required key ${key}`);
      if ('type' in event && !EVENT_TYPES.has(event.type as string)) err(`${at}/type`, `unknown event type ${String(event.type)}`);
      if (typeof event.id === 'string') {
        if (ids.has(event.id)) err(`${at}/id`, `duplicate event id ${event.id}`);
        ids.add(event.id);
      }
      if ('t' in event && !(typeof event.t === 'number' && event.t >= 0)) err(`${at}/t`, 't must be a number >= 0');
    });
  }
  if (!Array.isArray(json.edges)) {
    err('/edges', 'edges must be a list');
  } else {
    json.edges.forEach((edge: unknown, i) => {
      const at = `/edges/${i}`;
      if (!isRecord(edge)) return err(at, 'edge must be an object');
      for (const key of REQUIRED_EDGE) if (!(key in edge)) err(at, `edge missing required key ${key}`);
      if ('type' in edge && !EDGE_TYPES.has(edge.type as string)) err(`${at}/type`, `unknown edge type ${String(edge.type)}`);
      for (const end of ['src', 'dst'] as const) {
        if (end in edge && !ids.has(edge[end] as string)) err(`${at}/${end}`, `edge ${end} ${String(edge[end])} is not an event id`);
      }
    });
  }
  if (isRecord(json.costs)) {
    for (const [key, value] of Object.entries(json.costs)) {
      if (!(typeof value === 'number' && value >= 0)) err(`/costs/${escapePointer(key)}`, `cost ${key} must be a number >= 0`);
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
