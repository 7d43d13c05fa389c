// Outputs are someone's data: a command refuses to replace an existing one unless `--force` is given,
// and default output names never collide with an earlier output (`fork-5`, then `fork-5-2`, ...).
import { existsSync } from 'node:fs';
import { EXIT, CliExit } from './command.js';

/** `base` when nothing is there yet, else the first of `base-2`, `base-3`, ... that is free. */
export function freshPath(base: string): string {
  if (!existsSync(base)) return base;
  for (let n = 2; ; n++) if (!existsSync(`${base}-${n}`)) return `${base}-${n}`;
}

/** Refuses (exit 1, as a run into a recorded directory always has) when `file` exists and `force` is not set, naming the flag that allows it. */
export function refuseExisting(file: string, force: boolean | undefined, what = 'output'): void {
  if (!force && existsSync(file)) throw new CliExit(EXIT.failed, `${file}: the ${what} already exists; pass --force to replace it`);
}
