// Importing traces recorded elsewhere: each format's mapping, bad input named by line / pointer /
// span, format detection, and the orchestration round trip (input == export up to key order).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { convertTrace, detectTraceFormat, importTraceFile } from '../../../src/traces/import/import-trace.js';
import { toOrchestrationTrace } from '../../../src/traces/orchestration/to-orchestration-trace.js';
import { validateOrchestrationTrace } from '../../../src/traces/orchestration/validate-orchestration-trace.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { TraceWriter } from '../../../src/traces/trace-writer.js';
import { canonicalJson } from '../../../src/core/hash.js';

const fixture = (name: string) => new URL(`../../fixtures/import/${name}`, import.meta.url).pathname;
const golden = new URL('../../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname;
const example = new URL('../../../data/trace-schema/example_trace.json', import.meta.url).pathname;
const clock = fixedClock(Date.UTC(2026, 0, 1));

async function importFile(file: string, from?: 'orchestration' | 'otel' | 'chat') {
  const out = mkdtempSync(join(tmpdir(), 'polis-import-'));
  const result = importTraceFile(file, { out, clock, ...(from ? { from } : {}) });
  return { result, ...(await readTrace(result.trace)) };
}

describe('orchestration traces', () => {
  it('maps every source event onto a Polis event with causal parents from the edges, keeping the source verbatim', async () => {
    const { header, events, result } = await importFile(fixture('debate.orchestration.json'), 'orchestration');
    expect(result).toMatchObject({ format: 'orchestration', runId: 'debate-7', recordedRequests: 0 });
    expect(events.map((e) => e.type)).toEqual([
      'run-start', 'phase-start', 'phase-start', 'phase-start', 'message', 'action', 'observation', 'message', 'message', 'outcome', 'action', 'outcome', 'phase-start', 'run-end',
    ]);
    const start = events[0]!;
    expect(start.type === 'run-start' && start.agents.map((a) => `${a.id}:${a.role}`)).toEqual(['ana:pro', 'ben:con', 'moderator:', 'calculator:', 'reviewer:']);
    const bySource = (id: string) => events.find((e) => (e as { imported?: { event: { id: string } } }).imported?.event.id === id)!;
    // d10 aggregate has causal, safety_flow and return edges in: three parents. d9's temporal edge is not a cause.
    expect(bySource('d10').parents).toEqual([bySource('d7').seq, bySource('d8').seq, bySource('d9').seq]);
    expect(bySource('d9').parents).toEqual([bySource('d6').seq]);
    expect(bySource('d3')).toMatchObject({ type: 'message', from: 'ana', to: ['ben'], content: 'About 200 piano tuners.', time: 1 });
    // content given only by reference stays a reference
    expect(bySource('d6')).toMatchObject({ type: 'message', to: ['ana', 'moderator'], channel: 'floor', content: '', contentRef: 'sha256:9e0f' });
    // unknown fields kept verbatim
    expect((bySource('d3') as unknown as { imported: { event: Record<string, unknown> } }).imported.event.latency_ms).toBe(812);
    expect((bySource('d0') as unknown as { imported: { event: Record<string, unknown> } }).imported.event.x_vendor).toEqual({ run_by: 'fixture author', notes: ['kept verbatim'] });
    expect((header.config as { imported: { document: { costs: unknown } } }).imported.document.costs).toEqual({ tokens: 930, wall_clock_s: 12.5, tool_calls: 1, messages: 2, usd: 0.0031 });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', metrics: { task_success: 1, protocol_overhead: 0.2 } });
  });

  it.each([
    ['the hand-written debate', fixture('debate.orchestration.json')],
    ['the reference example', example],
  ])('round trip of %s: orchestration -> Polis -> orchestration equals the input up to key order', async (_, file) => {
    const input = JSON.parse(readFileSync(file, 'utf8'));
    const { header, events } = await importFile(file);
    const back = toOrchestrationTrace(header, events);
    expect(validateOrchestrationTrace(back)).toEqual([]);
    expect(canonicalJson(back)).toBe(canonicalJson(input));
  });

  it('round trip of a trace Polis itself exported', async () => {
    const g = await readTrace(golden);
    const exported = JSON.parse(JSON.stringify(toOrchestrationTrace(g.header, g.events)));
    const dir = mkdtempSync(join(tmpdir(), 'polis-import-'));
    const file = join(dir, 'golden.orchestration.json');
    (await import('node:fs')).writeFileSync(file, JSON.stringify(exported));
    const { header, events } = await importFile(file);
    expect(canonicalJson(toOrchestrationTrace(header, events))).toBe(canonicalJson(exported));
  });

  it('names the JSON pointer and what was expected for a malformed trace', () => {
    expect(() => convertTrace(readFileSync(fixture('bad-edge.orchestration.json'), 'utf8'), 'bad-edge.json')).toThrow(/bad-edge\.json: .*dst.*\(field \/edges\/0\/dst\)/);
    expect(() => convertTrace(readFileSync(fixture('bad-type.orchestration.json'), 'utf8'), 'bad-type.json')).toThrow(/bad-type\.json: not a valid orchestration trace: .*allowed values.*\(field \/events\/0\/type\)/);
  });
});

describe('chat transcripts', () => {
  it('one message per line from name (else role), each caused by the line before; content parts joined, references kept', async () => {
    const { events, header } = await importFile(fixture('negotiation.chat.jsonl'));
    const messages = events.filter((e) => e.type === 'message');
    expect(messages.map((m) => m.type === 'message' && `${m.from}: ${m.content}`)).toEqual([
      'system: Two traders agree on a price for a used bike.',
      'buyer: I can pay 120 for the bike.',
      'seller: 150 is my lowest.',
      'buyer: Meet at 135?',
      'seller: ',
    ]);
    expect(messages[4]).toMatchObject({ contentRef: 'sha256:deal' });
    expect(messages[1]).toMatchObject({ wall: Date.UTC(2026, 10, 2, 10), parents: [messages[0]!.seq] });
    expect((messages[3] as unknown as { imported: { line: number; record: Record<string, unknown> } }).imported).toEqual({ line: 4, record: { role: 'user', name: 'buyer', content: 'Meet at 135?', mood: 'hopeful' } });
    expect((messages[2] as unknown as { imported: { record: { usage: unknown } } }).imported.record.usage).toEqual({ prompt_tokens: 31, completion_tokens: 6 });
    expect(header.createdAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('names the line and field of a bad message', () => {
    expect(() => convertTrace(readFileSync(fixture('bad-role.chat.jsonl'), 'utf8'), 'c.jsonl')).toThrow('c.jsonl:line 2: expected a non-empty string (field role)');
    expect(() => convertTrace(readFileSync(fixture('bad-json.chat.jsonl'), 'utf8'), 'c.jsonl')).toThrow(/c\.jsonl:line 2: not JSON .*expected one \{role, name, content\} message per line/);
  });
});

describe('OpenTelemetry GenAI spans (OTLP JSON)', () => {
  it('spans become model calls, tool actions and agent phases, parents first, with tokens, timing, cost and errors kept', async () => {
    const { events, header, result } = await importFile(fixture('research.otlp.json'));
    expect(result).toMatchObject({ format: 'otel', runId: '5b8efff798038103d269b633813fc60c', recordedRequests: 2 });
    expect(events.map((e) => `${e.type}${e.agent ? ` ${e.agent}` : ''}`)).toEqual([
      'run-start', 'phase-start researcher', 'model-call researcher', 'action researcher', 'phase-start researcher', 'model-call researcher', 'run-end',
    ]);
    const [, agent, chat, tool, http, chat2] = events;
    expect(agent).toMatchObject({ phase: { kind: 'invoke_agent', agents: ['researcher'], label: 'invoke_agent researcher' }, time: 0, wall: 1764000000000 });
    expect(chat).toMatchObject({
      provider: 'openai',
      modelId: 'gpt-4o-mini-2024-07-18',
      parents: [agent!.seq],
      time: 1,
      request: { messages: [{ role: 'user', content: 'Find the boiling point of water at 2000 m.' }] },
      response: { text: 'About 93 degrees Celsius.', finishReason: 'stop' },
      usage: { inputTokens: 42, outputTokens: 9 },
      attempts: [{ attempt: 1, ok: true, durationMs: 1500 }],
    });
    expect((chat as unknown as { imported: { span: { attributes: Array<{ key: string }> } } }).imported.span.attributes.map((a) => a.key)).toContain('app.tenant');
    expect(tool).toMatchObject({ action: { tool_call: { name: 'web_search', id: 'call_1' } } });
    expect(http).toMatchObject({ phase: { kind: 'span', label: 'GET /search' }, parents: [tool!.seq] });
    expect(chat2).toMatchObject({ provider: 'anthropic', cost: 0.00021, request: { messages: [{ role: 'user', content: 'Summarise: water boils near 93 C at 2000 m.' }] }, response: { text: 'Lower pressure, lower boiling point.' } });
    expect(header.models).toEqual({ researcher: { provider: 'openai', modelId: 'gpt-4o-mini-2024-07-18' } });
    expect(header.createdAt).toBe(new Date(1764000000000).toISOString());
  });

  it('names the span and what was expected', () => {
    expect(() => convertTrace(readFileSync(fixture('bad-span-id.otlp.json'), 'utf8'), 'o.json')).toThrow(
      'o.json: expected a 16-digit hex span id (span "execute_tool web_search") (field resourceSpans[0].scopeSpans[0].spans[2].spanId)',
    );
  });
});

describe('format detection', () => {
  it('detects each format and names the one found when told another', () => {
    expect(detectTraceFormat(readFileSync(example, 'utf8'))).toBe('orchestration');
    expect(detectTraceFormat(readFileSync(fixture('research.otlp.json'), 'utf8'))).toBe('otel');
    expect(detectTraceFormat(readFileSync(fixture('negotiation.chat.jsonl'), 'utf8'))).toBe('chat');
    expect(detectTraceFormat(readFileSync(golden, 'utf8'))).toBe('polis');
    expect(() => convertTrace(readFileSync(fixture('research.otlp.json'), 'utf8'), 'r.json', { from: 'chat' })).toThrow(
      'r.json: this looks like OpenTelemetry spans (OTLP JSON with resourceSpans), not a chat transcript (JSONL of {role, name, content} messages); pass --from otel',
    );
    expect(() => convertTrace(readFileSync(golden, 'utf8'), 'g.jsonl')).toThrow(/already a Polis trace/);
    expect(() => convertTrace('{"hello": 1}', 'h.json')).toThrow(/cannot tell the format/);
  });

  it('never replaces an existing trace unless forced', () => {
    const out = mkdtempSync(join(tmpdir(), 'polis-import-'));
    importTraceFile(example, { out });
    expect(() => importTraceFile(example, { out })).toThrow(/trace\.jsonl: already exists; pass --force/);
    expect(importTraceFile(example, { out, force: true }).events).toBe(10);
    void TraceWriter;
  });
});
