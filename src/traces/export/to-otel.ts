// A Polis trace as OTLP JSON (an ExportTraceServiceRequest, opentelemetry-proto trace/v1): one trace per
// run, a root span for the run, a span per phase (until the next phase or the run's end) and a CLIENT
// span per model call under its phase, with the GenAI semantic-convention attributes
// (semantic-conventions v1.41.0, docs/gen-ai/gen-ai-spans.md: span name "{operation} {model}",
// gen_ai.operation.name, gen_ai.provider.name, gen_ai.request.model, gen_ai.response.model,
// gen_ai.usage.input_tokens / output_tokens, gen_ai.response.finish_reasons; gen_ai.agent.name from
// gen-ai-agent-spans.md). gen_ai.system (the pre-1.37 name of the provider) is written too for older
// backends. Prompts and completions (gen_ai.input.messages / gen_ai.output.messages) are opt-in, as the
// conventions advise. Times are the events' `wall` stamps, else `createdAt` + seq ms.
import { sha256 } from '../../core/hash.js';
import { SDK_NAME, SDK_VERSION } from '../../core/version.js';
import type { ModelCallEvent, PhaseStartEvent, TraceEvent, TraceHeader } from '../event.js';
import { millisToNanos, SPAN_KIND, STATUS_CODE, toAttributes, type OtlpSpan, type OtlpTraceRequest } from '../import/otlp.js';

export interface ToOtlpOptions {
  /** Include request messages and response text. @default false */
  content?: boolean;
}

/** The GenAI attributes of one model call (shared with the live exporter). */
export function modelCallAttributes(e: Pick<ModelCallEvent, 'agent' | 'provider' | 'modelId' | 'usage' | 'response' | 'request' | 'call' | 'cost'>, content: boolean): Record<string, unknown> {
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': e.provider,
    'gen_ai.system': e.provider,
    'gen_ai.request.model': e.modelId,
    'gen_ai.response.model': e.modelId,
    'gen_ai.agent.name': e.agent,
    'gen_ai.usage.input_tokens': e.usage.inputTokens,
    'gen_ai.usage.output_tokens': e.usage.outputTokens,
    ...(e.usage.cachedInputTokens ? { 'gen_ai.usage.cache_read.input_tokens': e.usage.cachedInputTokens } : {}),
    'gen_ai.response.finish_reasons': [e.response.finishReason],
    'gen_ai.usage.cost': e.cost,
    ...(e.call.purpose ? { 'polis.call.purpose': e.call.purpose } : {}),
    ...(content
      ? {
          'gen_ai.input.messages': JSON.stringify(e.request.messages.map((m) => ({ role: m.role, parts: [{ type: 'text', content: m.content }] }))),
          'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: e.response.text }], finish_reason: e.response.finishReason }]),
        }
      : {}),
  };
}

export function toOtlpJson(header: TraceHeader, events: readonly TraceEvent[], options: ToOtlpOptions = {}): OtlpTraceRequest {
  const traceId = sha256(`trace:${header.runId}`).slice(0, 32);
  const spanId = (key: string) => sha256(`${header.runId}/${key}`).slice(0, 16);
  const base = Date.parse(header.createdAt);
  const at = (e: TraceEvent) => e.wall ?? base + e.seq;
  const first = events[0];
  const last = events.at(-1);
  const runStart = first ? at(first) : base;
  const runEnd = last ? Math.max(at(last), runStart) : base;
  const rootId = spanId('run');
  const game = (header.config as { game?: unknown } | null)?.game;
  const spans: OtlpSpan[] = [
    {
      traceId,
      spanId: rootId,
      name: `invoke_workflow ${typeof game === 'string' ? game : header.runId}`,
      kind: SPAN_KIND.internal,
      startTimeUnixNano: millisToNanos(runStart),
      endTimeUnixNano: millisToNanos(runEnd),
      attributes: toAttributes({ 'gen_ai.operation.name': 'invoke_workflow', 'polis.run_id': header.runId }),
    },
  ];
  const status = events.findLast((e) => e.type === 'run-end');
  if (status?.type === 'run-end' && status.status === 'failed') spans[0]!.status = { code: STATUS_CODE.error, message: status.reason ?? 'failed' };

  let phase: { span: OtlpSpan; event: PhaseStartEvent } | undefined;
  const closePhase = (end: number) => {
    if (phase) phase.span.endTimeUnixNano = millisToNanos(Math.max(end, Number(BigInt(phase.span.startTimeUnixNano) / 1000000n)));
  };
  for (const e of events) {
    if (e.type === 'phase-start') {
      closePhase(at(e));
      const span: OtlpSpan = {
        traceId,
        spanId: spanId(`e${e.seq}`),
        parentSpanId: rootId,
        name: `phase ${e.phase.kind}${e.phase.label ? ` ${e.phase.label}` : ''} round ${e.phase.round}`,
        kind: SPAN_KIND.internal,
        startTimeUnixNano: millisToNanos(at(e)),
        attributes: toAttributes({ 'polis.phase.kind': e.phase.kind, 'polis.phase.round': e.phase.round, 'polis.phase.agents': e.phase.agents, 'polis.seq': e.seq }),
      };
      spans.push(span);
      phase = { span, event: e };
    } else if (e.type === 'model-call') {
      const end = at(e);
      const duration = e.attempts.reduce((s, a) => s + (a.durationMs ?? 0), 0);
      spans.push({
        traceId,
        spanId: spanId(`e${e.seq}`),
        parentSpanId: phase?.span.spanId ?? rootId,
        name: `chat ${e.modelId}`,
        kind: SPAN_KIND.client,
        startTimeUnixNano: millisToNanos(end - duration),
        endTimeUnixNano: millisToNanos(end),
        attributes: toAttributes({ ...modelCallAttributes(e, Boolean(options.content)), 'polis.seq': e.seq, 'polis.cache': e.cache }),
        ...(e.error ? { status: { code: STATUS_CODE.error, message: `${e.error.code}: ${e.error.message}` } } : {}),
      });
    }
  }
  closePhase(runEnd);
  return {
    resourceSpans: [
      {
        resource: { attributes: toAttributes({ 'service.name': SDK_NAME }) },
        scopeSpans: [{ scope: { name: SDK_NAME, version: SDK_VERSION }, spans }],
      },
    ],
  };
}
