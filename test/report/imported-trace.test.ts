// A report of a trace recorded elsewhere (issue 18): imported chat transcripts and OpenTelemetry GenAI
// spans read through the same run view as Polis's own traces.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runView } from '../../src/report/run-view.js';
import { importTraceFile } from '../../src/traces/import/import-trace.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from './fixtures.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

describe('reports of imported traces', () => {
  it('shows each message of an imported chat transcript in its agent transcript', async () => {
    const out = join(tempDir(), 'chat');
    importTraceFile(join(FIXTURES, 'negotiation.chat.jsonl'), { out, force: false, from: 'chat' });
    const view = await runView(out);
    const texts = JSON.stringify(view.transcript);
    expect(view.transcript.length).toBeGreaterThan(0);
    expect(texts).toContain('I can pay 120 for the bike.');
    expect(texts).toContain('150 is my lowest.');
  });

  it('shows the model calls of imported OpenTelemetry spans with their model, tokens and prompt', async () => {
    const dir = tempDir();
    const out = join(dir, 'otel');
    importTraceFile(join(FIXTURES, 'research.otlp.json'), { out, force: false, from: 'otel' });
    const view = await runView(out);
    const calls = view.transcript.filter((e) => e.kind === 'model-call');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some((c) => c.model?.includes('gpt-4o-mini') && (c.inputTokens ?? 0) > 0)).toBe(true);
    const r = await cli(['report', out, '--out', join(dir, 'otel.html')]);
    expect(r.code, r.stderr).toBe(0);
  });
});
