// Peak memory and trace size of a wide scripted run streamed to disk, one run per process so peak RSS is
// this run's own: `npx tsx bench/engine/wide.ts <agents> <rounds> [out.json]`. Used by bench:linear.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TRACE_SCHEMA_VERSION } from '../../src/core/version.js';
import { runGame } from '../../src/engine/run-game.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { contributionAgents, contributionGame } from './contribution-game.js';

const agents = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'polis-bench-wide-'));
const file = join(dir, 'trace.jsonl');
const header = { type: 'header' as const, schemaVersion: TRACE_SCHEMA_VERSION, runId: 'bench', sdk: { name: 'polis', version: '0' }, packages: {}, config: {}, seeds: { root: 1 }, models: {}, prompts: {}, createdAt: new Date(0).toISOString() };
const writer = TraceWriter.create(file, header, { validate: 'off' });
const t0 = performance.now();
await runGame({ game: contributionGame(agents, rounds), agents: contributionAgents(agents), runId: 'b', seed: 1, sink: writer });
writer.close();
const ms = performance.now() - t0;
const result = { agents, rounds, ms, traceMb: statSync(file).size / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 };
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(result));
