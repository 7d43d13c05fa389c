// OpenTelemetry spans (OTLP JSON) following the GenAI semantic conventions (semantic-conventions
// v1.41.0, docs/gen-ai/gen-ai-spans.md and gen-ai-agent-spans.md) as Polis events, one per span, parents
// first, each caused by its parent span. Model spans (gen_ai.operation.name chat, text_completion,
// generate_content, embeddings, or any span with gen_ai.request.model) become `model-call`s;
// execute_tool spans `action`s; invoke_agent / create_agent / invoke_workflow and other spans
// `phase-start`s. The span is kept verbatim in `imported.span`. Mapping table in README.md.
import { hashValue } from '../../core/hash.js';
import { InputError } from '../../core/errors/input-error.js';
import type { ModelCallEvent, NewTraceEvent } from '../event.js';
import { withImported, type ConvertedEvent, type ConvertedTrace } from './imported.js';
import { attributeMap, nanosToMillis, STATUS_CODE, type OtlpSpan, type OtlpTraceRequest } from './otlp.js';

export interface OtelSource {
  /** Indices of the span's resource and scope in `header.config.imported.document.resourceSpans`. */
  resource: number;
  scope: number;
  span: OtlpSpan;
}

const MODEL_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'embeddings']);
const AGENT_OPERATIONS = new Set(['invoke_agent', 'create_agent', 'invoke_workflow']);

interface Located {
  where: string;
  source: OtelSource;
  attrs: Record<string, unknown>;
  start: number;
  depth: number;
}

/** `requests`: one OTLP JSON request, or several (an OTLP JSON Lines file), each with its line. */
export function fromOtel(requests: Array<{ request: unknown; line?: number }>, file: string): ConvertedTrace {
  const spans: Located[] = [];
  const resourceSpans: unknown[] = [];
  for (const { request, line } of requests) {
    const at = (path: string) => (line === undefined ? path : `line ${line} ${path}`);
    const rs = (request as Partial<OtlpTraceRequest> | null)?.resourceSpans;
    if (!Array.isArray(rs)) throw new InputError('expected an OTLP JSON ExportTraceServiceRequest with a resourceSpans array', { file, ...(line ? { line } : {}), field: 'resourceSpans' });
    rs.forEach((r, ri) => {
      const resource = resourceSpans.length;
      const { scopeSpans, ...restResource } = (r ?? {}) as OtlpTraceRequest['resourceSpans'][number];
      if (scopeSpans !== undefined && !Array.isArray(scopeSpans)) throw new InputError('expected an array', { file, field: at(`resourceSpans[${ri}].scopeSpans`) });
      const scopes: unknown[] = [];
      resourceSpans.push({ ...restResource, scopeSpans: scopes });
      (scopeSpans ?? []).forEach((s, si) => {
        const { spans: list, ...restScope } = s ?? {};
        scopes.push(restScope);
        if (list !== undefined && !Array.isArray(list)) throw new InputError('expected an array', { file, field: at(`resourceSpans[${ri}].scopeSpans[${si}].spans`) });
        (list ?? []).forEach((span, k) => {
          const where = at(`resourceSpans[${ri}].scopeSpans[${si}].spans[${k}]`);
          checkSpan(span, where, file);
          spans.push({ where, source: { resource, scope: scopes.length - 1, span }, attrs: attributeMap(span.attributes), start: nanosToMillis(span.startTimeUnixNano), depth: 0 });
        });
      });
    });
  }
  if (spans.length === 0) throw new InputError('no spans: expected resourceSpans[].scopeSpans[].spans[]', { file });

  const byId = new Map<string, Located>();
  for (const s of spans) {
    const key = `${s.source.span.traceId}/${s.source.span.spanId}`;
    if (byId.has(key)) throw new InputError(`span id ${s.source.span.spanId} appears twice in trace ${s.source.span.traceId}`, { file, field: s.where });
    byId.set(key, s);
  }
  const parentOf = (s: Located) => (s.source.span.parentSpanId ? byId.get(`${s.source.span.traceId}/${s.source.span.parentSpanId}`) : undefined);
  for (const s of spans) {
    const seen = new Set<Located>([s]);
    for (let p = parentOf(s); p; p = parentOf(p)) {
      if (seen.has(p)) throw new InputError(`span ${s.source.span.spanId} is its own ancestor (parentSpanId cycle)`, { file, field: s.where });
      seen.add(p);
      s.depth++;
    }
  }
  // Parents before children: by start time, then depth; the file's order breaks ties (stable sort).
  const ordered = [...spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
  const t0 = ordered[0]!.start;
  const agentOf = (s: Located | undefined): string | undefined => {
    for (let p = s; p; p = parentOf(p)) {
      const name = p.attrs['gen_ai.agent.name'] ?? p.attrs['gen_ai.agent.id'];
      if (typeof name === 'string' && name !== '') return name;
    }
    return undefined;
  };

  const agents = new Map<string, { role: string; usesModel: boolean }>();
  const events: ConvertedEvent[] = [];
  const index = new Map<Located, number>();
  for (const s of ordered) {
    const agent = agentOf(s) ?? 'agent';
    const event = toPolis(s, agent, (s.start - t0) / 1000);
    const known = agents.get(agent) ?? { role: typeof s.attrs['gen_ai.agent.description'] === 'string' ? (s.attrs['gen_ai.agent.description'] as string) : '', usesModel: false };
    if (event.type === 'model-call') known.usesModel = true;
    agents.set(agent, known);
    const parent = parentOf(s);
    const p = parent ? index.get(parent) : undefined;
    index.set(s, events.length + 1);
    events.push({ event: withImported(event, s.source), parents: p === undefined ? [] : [p] });
  }
  const runStart: ConvertedEvent = {
    event: { type: 'run-start', time: 0, game: { name: 'otel', version: 'imported' }, agents: [...agents].map(([id, a]) => ({ id, role: a.role, policy: 'imported', usesModel: a.usesModel })) },
    parents: [],
  };
  const last = Math.max(...spans.map((s) => nanosToMillis(s.source.span.endTimeUnixNano ?? s.source.span.startTimeUnixNano)));
  const runEnd: ConvertedEvent = { event: { type: 'run-end', time: (last - t0) / 1000, wall: last, status: 'completed', payoffs: {}, metrics: {} }, parents: [] };
  const traceIds = [...new Set(spans.map((s) => s.source.span.traceId))];
  return {
    runId: traceIds.join('+'),
    document: { resourceSpans },
    events: [runStart, ...events, runEnd],
    createdAt: new Date(t0).toISOString(),
  };
}

function checkSpan(span: unknown, where: string, file: string): asserts span is OtlpSpan {
  const s = span as Record<string, unknown> | null;
  const fail = (field: string, expected: string) => {
    const name = s && typeof s.name === 'string' ? ` (span "${s.name}")` : '';
    throw new InputError(`expected ${expected}${name}`, { file, field: `${where}.${field}` });
  };
  if (!s || typeof s !== 'object') throw new InputError('expected a span object', { file, field: where });
  if (typeof s.traceId !== 'string' || !/^[0-9a-fA-F]{32}$/.test(s.traceId)) fail('traceId', 'a 32-digit hex trace id');
  if (typeof s.spanId !== 'string' || !/^[0-9a-fA-F]{16}$/.test(s.spanId)) fail('spanId', 'a 16-digit hex span id');
  if (s.parentSpanId !== undefined && s.parentSpanId !== '' && (typeof s.parentSpanId !== 'string' || !/^[0-9a-fA-F]{16}$/.test(s.parentSpanId))) fail('parentSpanId', 'a 16-digit hex span id or nothing');
  if (typeof s.name !== 'string') fail('name', 'a string');
  for (const field of ['startTimeUnixNano', 'endTimeUnixNano'] as const) {
    const v = s[field];
    if (v === undefined && field === 'endTimeUnixNano') continue;
    if (!((typeof v === 'string' && /^\d+$/.test(v)) || (typeof v === 'number' && Number.isInteger(v) && v >= 0))) fail(field, 'nanoseconds since the epoch (a digit string or integer)');
  }
  if (s.attributes !== undefined && !Array.isArray(s.attributes)) fail('attributes', 'an array of {key, value}');
  if (s.events !== undefined && !Array.isArray(s.events)) fail('events', 'an array of span events');
}

function toPolis(s: Located, agent: string, time: number): NewTraceEvent {
  const { span } = s.source;
  const a = s.attrs;
  const op = typeof a['gen_ai.operation.name'] === 'string' ? (a['gen_ai.operation.name'] as string) : undefined;
  const wall = s.start;
  const round = Math.floor(time);
  const durationMs = span.endTimeUnixNano === undefined ? undefined : Math.max(0, nanosToMillis(span.endTimeUnixNano) - s.start);
  const failed = span.status?.code === STATUS_CODE.error;
  if ((op && MODEL_OPERATIONS.has(op)) || (!op && typeof a['gen_ai.request.model'] === 'string')) {
    const messages = requestMessages(span, a);
    const model = str(a['gen_ai.response.model']) ?? str(a['gen_ai.request.model']) ?? 'unknown';
    const provider = str(a['gen_ai.provider.name']) ?? str(a['gen_ai.system']) ?? 'unknown';
    const finish = a['gen_ai.response.finish_reasons'];
    const event: Omit<ModelCallEvent, 'seq'> = {
      type: 'model-call',
      time,
      wall,
      agent,
      provider,
      modelId: model,
      requestHash: messages.length > 0 ? hashValue({ provider, model, messages }) : `unrecorded:${span.spanId}`,
      call: { purpose: op ?? 'chat' },
      request: { messages },
      response: { text: responseText(span, a), finishReason: Array.isArray(finish) && typeof finish[0] === 'string' ? finish[0] : 'unknown' },
      usage: {
        inputTokens: count(a['gen_ai.usage.input_tokens'] ?? a['gen_ai.usage.prompt_tokens']),
        outputTokens: count(a['gen_ai.usage.output_tokens'] ?? a['gen_ai.usage.completion_tokens']),
        cachedInputTokens: count(a['gen_ai.usage.cache_read.input_tokens']),
        reasoningTokens: count(a['gen_ai.usage.reasoning.output_tokens']),
      },
      // No GenAI attribute carries a price; `gen_ai.usage.cost` is a common extension.
      cost: typeof a['gen_ai.usage.cost'] === 'number' && a['gen_ai.usage.cost'] >= 0 ? (a['gen_ai.usage.cost'] as number) : 0,
      attempts: [{ attempt: 1, ok: !failed, ...(durationMs === undefined ? {} : { durationMs }) }],
      cache: 'off',
      ...(failed ? { error: { code: str(a['error.type']) ?? 'error', message: span.status?.message ?? '' } } : {}),
    };
    return event as NewTraceEvent;
  }
  if (op === 'execute_tool') {
    const tool = { name: str(a['gen_ai.tool.name']) ?? span.name, id: a['gen_ai.tool.call.id'] ?? null, arguments: a['gen_ai.tool.call.arguments'] ?? null, result: a['gen_ai.tool.call.result'] ?? null };
    return { type: 'action', time, wall, agent, action: { tool_call: tool } };
  }
  const kind = op && AGENT_OPERATIONS.has(op) ? op : 'span';
  return { type: 'phase-start', time, wall, agent, phase: { kind, agents: op && AGENT_OPERATIONS.has(op) ? [agent] : [], round, label: span.name } };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

/** Text of a GenAI message: `parts` (semconv >= 1.37) or `content` (earlier events and logs). */
function messageText(m: unknown): string {
  if (typeof m === 'string') return m;
  if (!m || typeof m !== 'object') return '';
  const o = m as { parts?: unknown; content?: unknown; message?: unknown };
  if (Array.isArray(o.parts)) {
    return o.parts
      .map((p) => (p && typeof p === 'object' && (p as { type?: unknown }).type === 'text' ? (p as { content?: unknown }).content : undefined))
      .filter((t): t is string => typeof t === 'string')
      .join('\n');
  }
  if (typeof o.content === 'string') return o.content;
  if (o.message) return messageText(o.message);
  return '';
}

function jsonList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string') return undefined;
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Request messages from gen_ai.input.messages (+ system_instructions), the per-message span events, or gen_ai.prompt.N.* attributes. */
function requestMessages(span: OtlpSpan, a: Record<string, unknown>): Array<{ role: string; content: string }> {
  const out: Array<{ role: string; content: string }> = [];
  const system = jsonList(a['gen_ai.system_instructions']);
  if (system) out.push({ role: 'system', content: system.map(messageText).join('\n') });
  const input = jsonList(a['gen_ai.input.messages']);
  if (input) {
    for (const m of input) out.push({ role: str((m as { role?: unknown })?.role) ?? 'user', content: messageText(m) });
    return out;
  }
  for (const e of span.events ?? []) {
    const role = /^gen_ai\.(system|user|assistant|tool)\.message$/.exec(e.name)?.[1];
    if (role) out.push({ role, content: messageText(attributeMap(e.attributes)) });
    if (e.name === 'gen_ai.content.prompt') {
      const prompt = attributeMap(e.attributes)['gen_ai.prompt'];
      const list = jsonList(prompt);
      if (list) for (const m of list) out.push({ role: str((m as { role?: unknown })?.role) ?? 'user', content: messageText(m) });
      else if (typeof prompt === 'string') out.push({ role: 'user', content: prompt });
    }
  }
  for (let i = 0; typeof a[`gen_ai.prompt.${i}.content`] === 'string'; i++) {
    out.push({ role: str(a[`gen_ai.prompt.${i}.role`]) ?? 'user', content: a[`gen_ai.prompt.${i}.content`] as string });
  }
  return out;
}

function responseText(span: OtlpSpan, a: Record<string, unknown>): string {
  const output = jsonList(a['gen_ai.output.messages']);
  if (output) return output.map(messageText).join('\n');
  for (const e of span.events ?? []) {
    const attrs = attributeMap(e.attributes);
    if (e.name === 'gen_ai.choice') return messageText(attrs);
    if (e.name === 'gen_ai.content.completion') {
      const list = jsonList(attrs['gen_ai.completion']);
      return list ? list.map(messageText).join('\n') : (str(attrs['gen_ai.completion']) ?? '');
    }
  }
  return str(a['gen_ai.completion.0.content']) ?? '';
}
