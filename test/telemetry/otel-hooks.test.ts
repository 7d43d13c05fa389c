// The live exporter: engine hooks -> real OpenTelemetry SDK spans (in-memory exporter), and the OTLP HTTP
// pipeline from the optional peers against a local receiver that parses what it is sent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { otelHooks } from '../../src/telemetry/otel-hooks.js';
import { startOtlpTracing } from '../../src/telemetry/otlp-tracing.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import type { TraceEvent } from '../../src/traces/event.js';

const GOLDEN = new URL('../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname;

describe('otelHooks', () => {
  it('a span per run, per phase and per model call, GenAI attributes, model calls under their phase', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const hooks = otelHooks({ tracer: provider.getTracer('test') });
    const { events } = await readTrace(GOLDEN);
    for (const e of events) hooks.event!(e);
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();
    const phases = events.filter((e) => e.type === 'phase-start');
    const calls = events.filter((e): e is Extract<TraceEvent, { type: 'model-call' }> => e.type === 'model-call');
    expect(spans).toHaveLength(1 + phases.length + calls.length);
    const root = spans.find((s) => s.name.startsWith('invoke_workflow'))!;
    const call = spans.find((s) => s.name === `chat ${calls[0]!.modelId}`)!;
    expect(call.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': calls[0]!.provider,
      'gen_ai.request.model': calls[0]!.modelId,
      'gen_ai.usage.input_tokens': calls[0]!.usage.inputTokens,
      'gen_ai.usage.output_tokens': calls[0]!.usage.outputTokens,
      'gen_ai.agent.name': calls[0]!.agent,
    });
    expect(call.attributes['gen_ai.input.messages']).toBeUndefined(); // content is opt-in
    const parentId = (s: (typeof spans)[number]) => s.parentSpanContext?.spanId;
    const phaseOfCall = spans.find((s) => s.spanContext().spanId === parentId(call))!;
    expect(phaseOfCall.name).toMatch(/^phase /);
    expect(parentId(phaseOfCall)).toBe(root.spanContext().spanId);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
  });
});

describe('otelHooks on a live run', () => {
  it('runExperiment({ hooks }) exports the run as it happens', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const config = await loadConfig(new URL('../../examples/quickstart/prisoners-dilemma.yaml', import.meta.url).pathname);
    const run = await runExperiment({ config, out: mkdtempSync(join(tmpdir(), 'polis-otel-live-')), games: gameRegistry, hooks: otelHooks({ tracer: provider.getTracer('live') }), quiet: true } as Parameters<typeof runExperiment>[0]);
    const { events } = await readTrace(run.traceFile);
    const spans = exporter.getFinishedSpans();
    const calls = events.filter((e) => e.type === 'model-call').length;
    expect(calls).toBeGreaterThan(0);
    expect(spans.filter((s) => s.name.startsWith('chat '))).toHaveLength(calls);
    expect(spans.filter((s) => s.name.startsWith('phase '))).toHaveLength(events.filter((e) => e.type === 'phase-start').length);
    expect(spans.filter((s) => s.name.startsWith('invoke_workflow'))).toHaveLength(1);
  });
});

describe('startOtlpTracing', () => {
  it('sends OTLP JSON to a collector endpoint', async () => {
    const bodies: Array<{ path: string; type: string; body: unknown }> = [];
    const server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        bodies.push({ path: req.url ?? '', type: String(req.headers['content-type']), body: JSON.parse(data) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const tracing = await startOtlpTracing({ url: `http://127.0.0.1:${port}/v1/traces`, content: true });
      const { events } = await readTrace(GOLDEN);
      for (const e of events) tracing.hooks.event!(e);
      await tracing.shutdown();
      expect(bodies.length).toBeGreaterThan(0);
      expect(bodies[0]).toMatchObject({ path: '/v1/traces', type: expect.stringContaining('application/json') });
      const spans = bodies.flatMap((b) => (b.body as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string; attributes: Array<{ key: string }> }> }> }> }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
      const call = spans.find((s) => s.name.startsWith('chat '))!;
      expect(call.attributes.map((a) => a.key)).toEqual(expect.arrayContaining(['gen_ai.provider.name', 'gen_ai.usage.input_tokens', 'gen_ai.input.messages']));
    } finally {
      server.close();
    }
  });
});
