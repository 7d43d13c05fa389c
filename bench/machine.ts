// What a benchmark's results file says about where it ran: the machine, its load when the run ended, and
// the commit measured.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export function machine() {
  return { node: process.version, os: `${platform()} ${release()}`, cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), loadAverage1m: +loadavg()[0]!.toFixed(1) };
}

/** The short commit of the checkout at `cwd` (this one by default). */
export const commitOf = (cwd = '.'): string => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();

/** The sentence results files open with. */
export function describeMachine(m: ReturnType<typeof machine>): string {
  return `Machine: Node ${m.node}, ${m.os}, ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; 1-minute load average ${m.loadAverage1m} at the end`;
}
