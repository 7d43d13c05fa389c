// Games benchmark: a round robin of 24 deterministic strategies on the prisoner's dilemma, 200 turns,
// 10 repetitions (Axelrod's defaults), through the same MatrixGame + Strategy code the engine uses
// (runTournament -> game.init / phase / observe / apply). A move is one agent's action: 2 per turn.
// With AXELROD_PATH (an Axelrod source tree; PYTHON, default python3, must import it with its
// dependencies) the same round robin also runs in Axelrod's library, in process, right after ours
// (axelrod-side.py), and the speed ratio is recorded. `npm run bench:games` writes bench/results/games.{json,md}.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { prisonersDilemma } from '../../src/games/matrix/matrix-definitions.js';
import type { MatrixStrategy } from '../../src/games/strategies/define-strategy.js';
import { strategyByName } from '../../src/games/strategies/registry.js';
import type { AsyncPlayer } from '../../src/games/tournament/player.js';
import { runTournament } from '../../src/games/tournament/run-tournament.js';

/** Our strategies and Axelrod's class for each (firm-but-fair is left out: Axelrod's is stochastic). */
const AXELROD: Record<string, string> = {
  cooperator: 'Cooperator', defector: 'Defector', 'tit-for-tat': 'TitForTat', grudger: 'Grudger',
  'win-stay-lose-shift': 'WinStayLoseShift', alternator: 'Alternator', 'tit-for-two-tats': 'TitFor2Tats',
  'suspicious-tit-for-tat': 'SuspiciousTitForTat', 'two-tits-for-tat': 'TwoTitsForTat', 'hard-tit-for-tat': 'HardTitForTat',
  'reverse-tit-for-tat': 'Bully', davis: 'FirstByDavis', gradual: 'Gradual', tester: 'SecondByTester', prober: 'Prober',
  handshake: 'Handshake', 'cycler-ccd': 'CyclerCCD', 'go-by-majority': 'GoByMajority', 'hard-majority': 'HardGoByMajority',
  'cycler-ddc': 'CyclerDDC', 'cycler-cccd': 'CyclerCCCD', 'prober-2': 'Prober2', 'hard-tit-for-2-tats': 'HardTitFor2Tats',
  'omega-tft': 'OmegaTFT',
};
const NAMES = Object.keys(AXELROD);
const TURNS = 200;
const REPETITIONS = 10;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);

const strategies: MatrixStrategy[] = NAMES.map(strategyByName);
if (strategies.some((s) => s.metadata.stochastic)) throw new Error('the benchmark uses deterministic strategies only');
const n = strategies.length;
const matches = (n * (n + 1)) / 2; // round robin with self-play, as Axelrod plays it
const moves = matches * REPETITIONS * TURNS * 2;

interface Timing {
  loop: string;
  keepMatches: boolean;
  runs: number;
  bestSeconds: number;
  medianSeconds: number;
  bestMovesPerSecond: number;
  medianMovesPerSecond: number;
}

async function time(loop: 'scripted' | 'async', keepMatches: boolean, runs: number): Promise<{ timing: Timing; ranking: string[] }> {
  const players =
    loop === 'scripted'
      ? strategies
      : strategies.map((s): AsyncPlayer => ({ name: s.metadata.name, decide: async (obs, rng) => s.decide(obs, rng) }));
  const seconds: number[] = [];
  let ranking: string[] = [];
  for (let r = 0; r < runs + 2; r++) {
    const start = process.hrtime.bigint();
    const result = await runTournament({ game: prisonersDilemma, players, turns: TURNS, repetitions: REPETITIONS, seed: 1, keepMatches });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (r >= 2) seconds.push(elapsed); // the first two runs warm up the JIT
    ranking = result.ranking;
  }
  seconds.sort((a, b) => a - b);
  const best = seconds[0] as number;
  const med = seconds[Math.floor(seconds.length / 2)] as number;
  return {
    timing: { loop, keepMatches, runs, bestSeconds: best, medianSeconds: med, bestMovesPerSecond: moves / best, medianMovesPerSecond: moves / med },
    ranking,
  };
}

const fast = await time('scripted', true, RUNS);
const lean = await time('scripted', false, RUNS);
const driven = await time('async', false, Math.max(3, Math.floor(RUNS / 3)));
if (JSON.stringify(driven.ranking) !== JSON.stringify(fast.ranking)) throw new Error('the async loop ranked differently from the scripted loop');

interface AxelrodSide {
  version: string;
  python: string;
  matchLoopSeconds: number[];
  tournamentSeconds: number[];
  ranking: string[];
}

function axelrodSide(): AxelrodSide | undefined {
  const path = process.env['AXELROD_PATH'];
  if (!path) return undefined;
  const out = execFileSync(process.env['PYTHON'] ?? 'python3', [new URL('./axelrod-side.py', import.meta.url).pathname, JSON.stringify(NAMES.map((n) => AXELROD[n])), String(TURNS), String(REPETITIONS), String(Math.max(3, Math.floor(RUNS / 3)))], {
    env: { ...process.env, PYTHONPATH: path },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as AxelrodSide;
}
const axelrod = axelrodSide();
const ours = new Map(NAMES.map((n) => [AXELROD[n], n]));

const machine = {
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
};
const result = {
  date: new Date().toISOString(),
  game: 'prisoners-dilemma',
  strategies: NAMES,
  turns: TURNS,
  repetitions: REPETITIONS,
  matchesPerTournament: matches * REPETITIONS,
  movesPerTournament: moves,
  timings: [fast.timing, lean.timing, driven.timing],
  ranking: fast.ranking,
  axelrod: axelrod ?? null,
  machine,
};
writeFileSync(new URL('../results/games.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

const row = (t: Timing) =>
  `| ${t.loop} | ${t.keepMatches ? 'yes' : 'no'} | ${t.runs} | ${t.bestSeconds.toFixed(4)} | ${(t.bestMovesPerSecond / 1e6).toFixed(2)} | ${t.medianSeconds.toFixed(4)} | ${(t.medianMovesPerSecond / 1e6).toFixed(2)} |`;
const md = [
  '# Games benchmark',
  '',
  `Round robin of ${n} deterministic strategies on the prisoner's dilemma (3,0,5,1), ${TURNS} turns, ${REPETITIONS} repetitions,`,
  `self-play included as in Axelrod's tournaments: ${matches * REPETITIONS} matches, ${moves.toLocaleString('en-US')} moves (one move = one agent's action).`,
  'Every move goes through `MatrixGame` (init / phase / observe / apply) and the `Strategy` objects, via `runTournament`. `npm run bench:games`.',
  '',
  '| loop | keep per-turn records | timed runs | best s | best M moves/s | median s | median M moves/s |',
  '|---|---|---:|---:|---:|---:|---:|',
  row(fast.timing),
  row(lean.timing),
  row(driven.timing),
  '',
  'The first row is the default (every match keeps its per-turn record, built lazily from the game state). The async row wraps each',
  'strategy as an `AsyncPlayer` (a promise per decision), the path an LLM agent takes; its ranking is checked equal to the scripted one.',
  '',
  `Ranking (median normalised score): ${fast.ranking.join(', ')}.`,
  '',
  ...(axelrod
    ? [
        `## Side by side with Axelrod ${axelrod.version} (Python ${axelrod.python}), same strategies, turns and repetitions, in process`,
        '',
        '| loop | best s | median s | ours (scripted, keep records) best / median s | speed-up best / median |',
        '|---|---:|---:|---:|---:|',
        `| Axelrod \`Match.play\` for every pair and repetition | ${Math.min(...axelrod.matchLoopSeconds).toFixed(3)} | ${axelrod.matchLoopSeconds[Math.floor(axelrod.matchLoopSeconds.length / 2)]!.toFixed(3)} | ${fast.timing.bestSeconds.toFixed(4)} / ${fast.timing.medianSeconds.toFixed(4)} | ${(Math.min(...axelrod.matchLoopSeconds) / fast.timing.bestSeconds).toFixed(0)}x / ${(axelrod.matchLoopSeconds[Math.floor(axelrod.matchLoopSeconds.length / 2)]! / fast.timing.medianSeconds).toFixed(0)}x |`,
        `| Axelrod \`Tournament.play(processes=1)\` (matches + result set) | ${Math.min(...axelrod.tournamentSeconds).toFixed(3)} | ${axelrod.tournamentSeconds[Math.floor(axelrod.tournamentSeconds.length / 2)]!.toFixed(3)} | ${fast.timing.bestSeconds.toFixed(4)} / ${fast.timing.medianSeconds.toFixed(4)} | ${(Math.min(...axelrod.tournamentSeconds) / fast.timing.bestSeconds).toFixed(0)}x / ${(axelrod.tournamentSeconds[Math.floor(axelrod.tournamentSeconds.length / 2)]! / fast.timing.medianSeconds).toFixed(0)}x |`,
        '',
        `Axelrod's ranking, in our names: ${axelrod.ranking.map((n) => ours.get(n) ?? n).join(', ')}.`,
        `Same order as ours: ${JSON.stringify(axelrod.ranking.map((n) => ours.get(n) ?? n)) === JSON.stringify(fast.ranking) ? 'yes' : 'no'}.`,
        '',
        'Axelrod ran from its source (Axelrod-Python/Axelrod@95052da) with Debian\'s Python packages (numpy, scipy, pandas, dask, matplotlib, tqdm), since pip cannot reach PyPI here.',
        '',
      ]
    : ['Axelrod was not run (set AXELROD_PATH to an Axelrod source tree to measure it side by side).', '']),
  `Machine: Node ${machine.node}, ${machine.os}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; 1-minute load average ${machine.loadAverage1m} when measured (the machine is shared with other jobs, so best-of-runs is the closer figure to an idle machine).`,
  '',
].join('\n');
writeFileSync(new URL('../results/games.md', import.meta.url), md);
process.stdout.write(md);
