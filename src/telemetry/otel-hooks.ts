// Live OpenTelemetry export of a run, opt-in: `otelHooks({ tracer })` are engine hooks (pass them as
// `hooks` to runExperiment) that open a span for the run, one per phase and one CLIENT span per model
// call, with the same GenAI attributes as `polis trace export --format otel`. They use only
// @opentelemetry/api: spans go wherever the app's tracer provider sends them (a no-op without one).
// `startOtlpTracing` sets up a provider with an OTLP HTTP exporter from the optional peers.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { EngineHooks } from '../engine/hooks.js';
import type { TraceEvent } from '../traces/event.js';
import { modelCallAttributes } from '../traces/export/to-otel.js';

export interface OtelHooksOptions {
  /** @default trace.getTracer('polis') of the global provider */
  tracer?: Tracer;
  /** Record prompts and completions (gen_ai.input.messages / output.messages). @default false */
  content?: boolean;
}

/** Engine hooks that turn a run's events into spans as they are written. */
export function otelHooks(options: OtelHooksOptions = {}): EngineHooks {
  const tracer = options.tracer ?? trace.getTracer('polis');
  let run: Span | undefined;
  let phase: Span | undefined;
  const parent = () => trace.setSpan(context.active(), phase ?? run!);
  return {
    event: (e: TraceEvent) => {
      const at = e.wall ?? Date.now();
      switch (e.type) {
        case 'run-start':
          run = tracer.startSpan(`invoke_workflow ${e.game.name}`, { kind: SpanKind.INTERNAL, startTime: at, attributes: { 'gen_ai.operation.name': 'invoke_workflow', 'polis.game': `${e.game.name}@${e.game.version}` } });
          return;
        case 'phase-start':
          if (!run) return;
          phase?.end(at);
          phase = tracer.startSpan(
            `phase ${e.phase.kind}${e.phase.label ? ` ${e.phase.label}` : ''} round ${e.phase.round}`,
            { kind: SpanKind.INTERNAL, startTime: at, attributes: { 'polis.phase.kind': e.phase.kind, 'polis.phase.round': e.phase.round, 'polis.phase.agents': e.phase.agents, 'polis.seq': e.seq } },
            trace.setSpan(context.active(), run),
          );
          return;
        case 'model-call': {
          if (!run) return;
          const duration = e.attempts.reduce((s, a) => s + (a.durationMs ?? 0), 0);
          const span = tracer.startSpan(`chat ${e.modelId}`, { kind: SpanKind.CLIENT, startTime: at - duration, attributes: { ...(modelCallAttributes(e, Boolean(options.content)) as Attributes), 'polis.seq': e.seq, 'polis.cache': e.cache } }, parent());
          if (e.error) span.setStatus({ code: SpanStatusCode.ERROR, message: `${e.error.code}: ${e.error.message}` });
          span.end(at);
          return;
        }
        case 'run-end':
          phase?.end(at);
          phase = undefined;
          if (e.status === 'failed') run?.setStatus({ code: SpanStatusCode.ERROR, message: e.reason ?? 'failed' });
          run?.end(at);
          run = undefined;
          return;
        default:
          return;
      }
    },
  };
}
