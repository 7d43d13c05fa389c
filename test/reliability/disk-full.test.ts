// Disk full in the middle of a run: the write that fails tears the trace's last line; the run stops with
// an error naming the trace and how to continue (no raw ENOSPC stack), and once there is space again,
// resume finishes the run with the trace an uninterrupted run writes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { OutputWriteError } from '../../src/core/errors/output-write-error.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { resumeRun } from '../../src/engine/replay-modes.js';
import { games, runSlow, slowBuilder, slowConfig } from '../fixtures/runs/slow-experiment.js';

/** The disk: when `full`, a write puts half its bytes down (a torn line) and then fails with ENOSPC. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (disk.full) {
      if (typeof data === 'string' && data.length > 1) fs.writeSync(fd, data.slice(0, data.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const timeless = (file: string) =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => l.replace(/"wall":\d+/g, '"wall":0').replace(/"durationMs":[\d.e-]+/g, '"durationMs":0'));

describe('disk full', () => {
  it('stops with an error naming the trace, and the torn trace resumes to the uninterrupted one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-enospc-'));
    const reference = await runSlow(join(dir, 'reference'), { calls: 0 });
    const out = join(dir, 'full');
    const counter = { calls: 0 };
    const failure = await runExperiment({
      config: slowConfig,
      out,
      games,
      buildModel: slowBuilder(counter, 0),
      clock: fixedClock(0, 1),
      runId: 'slow-run',
      hooks: { 'turn-end': ({ phase }) => void (phase.round === 5 && (disk.full = true)) },
    }).catch((e: unknown) => e);
    disk.full = false;
    expect(failure).toBeInstanceOf(OutputWriteError);
    const message = (failure as Error).message;
    expect(message).toContain(join(out, 'trace.jsonl'));
    expect(message).toContain('the disk is full (ENOSPC)');
    expect(message).toContain(`polis resume ${out}`);
    expect(readFileSync(join(out, 'trace.jsonl'), 'utf8').endsWith('\n')).toBe(false); // torn

    const resumed = await resumeRun(out, { games, buildModel: slowBuilder(counter, 0), clock: fixedClock(0, 1) });
    expect(resumed.status).toBe('completed');
    expect(timeless(join(out, 'trace.jsonl'))).toEqual(timeless(reference.traceFile));
  });
});
