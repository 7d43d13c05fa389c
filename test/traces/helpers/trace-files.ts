// Shared helpers for the trace tests: a valid header and a fresh temporary folder per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_SCHEMA_VERSION } from '../../../src/core/version.js';
import type { TraceHeader } from '../../../src/traces/event.js';

export function header(overrides: Partial<TraceHeader> = {}): TraceHeader {
  return {
    type: 'header',
    schemaVersion: TRACE_SCHEMA_VERSION,
    runId: 'run-1',
    sdk: { name: 'polis', version: '0.1.0' },
    packages: {},
    config: { rounds: 3 },
    seeds: { root: 7 },
    models: { alice: { provider: 'scripted', modelId: 'echo' } },
    prompts: {},
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/** A temporary folder removed by the returned cleanup. */
export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'polis-traces-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const fixture = (name: string): string =>
  new URL(`../../fixtures/traces/${name}`, import.meta.url).pathname;
