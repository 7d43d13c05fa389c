// What every golden trace must keep doing, whatever its schema version: the writer reproduces it byte for
// byte from the events a reader returns, and it exports to a valid orchestration trace.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { OrchestrationTrace } from '../../../src/traces/orchestration/orchestration-trace.js';
import { toOrchestrationTrace } from '../../../src/traces/orchestration/to-orchestration-trace.js';
import { validateOrchestrationTrace } from '../../../src/traces/orchestration/validate-orchestration-trace.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { TraceWriter } from '../../../src/traces/trace-writer.js';

export function goldenContract(file: string, copy: string, checkExport?: (trace: OrchestrationTrace) => void): void {
  it('round-trips through the writer byte for byte', async () => {
    const { header, events } = await readTrace(file);
    const w = TraceWriter.create(copy, header);
    // Text events are the writer's own: it re-emits them where the original had them.
    for (const e of events) if (e.type !== 'text') w.append(e);
    w.close();
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('exports to a valid orchestration trace', async () => {
    const { header, events } = await readTrace(file);
    const trace = toOrchestrationTrace(header, events);
    expect(validateOrchestrationTrace(trace)).toEqual([]);
    checkExport?.(trace);
  });
}
