// Every command the README shows runs here, offline, in README order, in a temporary folder holding a
// copy of examples/: each shell line of a ```bash block, and each inline `npx polis ...`. `npx polis`
// stands for the installed package's binary (consumer.test.ts checks that `npx polis` finds it in an
// app); here it runs the built bin/polis.js of this checkout (dist/ is rebuilt by the global setup when
// stale), the same file the tarball ships. Commands that
// name an OpenAI model go to a local fake server (OPENAI_BASE_URL); nothing reaches the network.
//
// Conventions for README authors:
// - A command must exit 0, unless its line ends with a comment saying `# exits N` (e.g. `# exits 1: the
//   traces differ`).
// - `export NAME=value` lines set NAME for the commands after them.
// - A command that cannot run here (needs the registry, takes minutes) goes in COVERED_ELSEWHERE below
//   with the test or script that covers it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from './helpers/fake-providers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'polis.js');

/** Commands not run here, each with what covers it instead (prefix match on the command). */
const COVERED_ELSEWHERE: ReadonlyArray<[prefix: string, coveredBy: string]> = [
  ['npm install polis', 'test/package/consumer.test.ts installs the packed tarball into a fresh app'],
  ['npm install', '.ci/run (a clean install; npm runs `prepare`, which builds dist/)'],
  ['npm test', '.ci/run'],
  ['npm run build', 'test/package/build-dist.ts runs the same script (scripts/build.mjs) before these tests'],
  ['npm run build:native', '.ci/run runs it (with --strict) after the install; test/local-models/native-scorer.test.ts asserts the accelerator loaded there (CI_EXPECT_NATIVE=1)'],
  ['npm run bench', 'benchmarks: minutes each; run by hand, figures committed under bench/results/'],
  ['npx polis view', 'test/report/view-server.test.ts (a server that runs until stopped: it serves a run, pages, tails, a sweep and a pair in Chromium)'],
  ['redis-server', 'a server; test/experiments/queue/redis-helpers.ts starts one per queue test file'],
  ['npx polis worker', 'a server; test/experiments/queue/queue-sweep.test.ts and queue-recovery.test.ts run worker processes'],
  ['npx polis sweep examples/sweeps/prisoners-dilemma.sweep.yaml --queue', 'test/experiments/queue/queue-sweep.test.ts (submit, --detach, wait through 3 workers)'],
  ['npx polis sweep status', 'test/experiments/queue/queue-sweep.test.ts'],
  ['npx polis sweep collect', 'test/experiments/queue/queue-sweep.test.ts'],
  ['npx tsx bench/', 'benchmarks: minutes each; run by hand, figures committed under bench/results/'],
];

interface ReadmeCommand {
  command: string;
  line: number;
  heading: string;
  expectedExit: number;
}

/** Shell lines of the ```bash blocks and inline `npx polis ...` spans, in README order. */
export function readmeCommands(text: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  let heading = '(top)';
  let fence: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (fence === undefined && /^#{1,6} /.test(raw)) heading = raw.replace(/^#+ /, '');
    const fenceMatch = /^```(\w*)/.exec(raw);
    if (fenceMatch) {
      fence = fence === undefined ? fenceMatch[1] : undefined;
      return;
    }
    if (fence === 'bash' || fence === 'sh') {
      const command = raw.trim();
      if (!command || command.startsWith('#')) return;
      const exits = /#.*\bexits? (\d+)/.exec(command);
      out.push({ command, line, heading, expectedExit: exits ? Number(exits[1]) : 0 });
      return;
    }
    if (fence !== undefined) return;
    for (const m of raw.matchAll(/`(npx polis [^`]+)`/g)) out.push({ command: m[1]!, line, heading, expectedExit: 0 });
  });
  return out;
}

/** What covers `command` when it is not run here (its trailing comment aside). */
function coveredBy(command: string): string | undefined {
  const bare = command.replace(/\s+#.*$/, '');
  const matches = (prefix: string) => bare === prefix || bare.startsWith(`${prefix} `) || bare.startsWith(`${prefix}:`) || (prefix.endsWith('/') && bare.startsWith(prefix));
  return COVERED_ELSEWHERE.find(([prefix]) => matches(prefix))?.[1];
}

/** Runs a bash script without blocking this process (the fake server lives here). */
function run(script: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { ...options, stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe('readmeCommands', () => {
  it('reads bash blocks, skips comments and other languages, and takes inline npx polis spans', () => {
    const md = ['# A', '```bash', '# note', 'npx polis run x.yaml   # fine', '```', '```yaml', 'a: 1', '```', 'Try `npx polis games list` or `polis x`.', '## B', '```bash', 'npx polis diff a b   # exits 1: differ', '```'].join('\n');
    expect(coveredBy('npx tsx bench/engine/trace-write.ts   # throughput')).toMatch(/benchmarks/);
    expect(coveredBy('npm run bench:cli')).toMatch(/benchmarks/);
    expect(coveredBy('npm install     # install')).toMatch(/ci\/run/);
    expect(coveredBy('npm install polis       # Node')).toMatch(/consumer/);
    expect(coveredBy('npx polis run x.yaml')).toBeUndefined();
    expect(readmeCommands(md)).toEqual([
      { command: 'npx polis run x.yaml   # fine', line: 4, heading: 'A', expectedExit: 0 },
      { command: 'npx polis games list', line: 9, heading: 'A', expectedExit: 0 },
      { command: 'npx polis diff a b   # exits 1: differ', line: 12, heading: 'B', expectedExit: 1 },
    ]);
  });
});

describe('every README command', () => {
  const commands = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  let work: string;
  let openai: Awaited<ReturnType<typeof startFakeOpenAI>>;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'polis-readme-'));
    cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
    openai = await startFakeOpenAI();
  });
  afterAll(async () => openai?.close());

  it('finds the quickstart, judge and model commands', () => {
    const text = commands.map((c) => c.command).join('\n');
    for (const expected of ['npx polis run examples/quickstart/prisoners-dilemma.yaml', 'npx polis judge runs/quickstart/trace.jsonl --config examples/judges/judge.yaml', '--model openai:gpt-4o-mini']) {
      expect(text).toContain(expected);
    }
  });

  it('runs each one offline, in order', async () => {
    const ran: string[] = [];
    for (const c of commands) {
      if (coveredBy(c.command)) continue;
      const exported = /^export ([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(c.command);
      if (exported) {
        env[exported[1]!] = exported[2]!;
        continue;
      }
      const callsBefore = openai.chatCalls();
      const script = `npx() { if [ "$1" = polis ]; then shift; node "$POLIS_README_BIN" "$@"; else command npx "$@"; fi; }\n${c.command}\n`;
      const result = await run(script, {
        cwd: work,
        env: {
          ...process.env,
          CI: '1',
          NODE_LLAMA_CPP_POSTINSTALL: 'skip',
          OPENAI_BASE_URL: openai.url,
          ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/no-anthropic-server-in-this-test',
          ...env,
          POLIS_README_BIN: BIN,
        },
      });
      const where = `README.md line ${c.line} (section "${c.heading}")`;
      const fix =
        `Fix the command or what it needs (a file it names must exist in the repository; paths are relative to a copy of examples/ in a temporary folder); ` +
        `if it exits non-zero on purpose, end its line with "# exits N"; if it cannot run offline, list it in COVERED_ELSEWHERE in test/package/readme-commands.test.ts with the test that covers it.`;
      expect(
        result.status,
        `README command failed (exit ${result.status ?? result.signal}, expected ${c.expectedExit}): ${c.command}\n  at ${where}\n  stderr: ${(result.stderr ?? '').slice(-2000)}\n  stdout: ${(result.stdout ?? '').slice(-1000)}\n${fix}`,
      ).toBe(c.expectedExit);
      if (/openai:/.test(c.command)) expect(openai.chatCalls(), `${c.command} (${where}) made no call to the fake OpenAI server`).toBeGreaterThan(callsBefore);
      ran.push(c.command);
    }
    expect(ran.length).toBeGreaterThanOrEqual(12);
  });
});
