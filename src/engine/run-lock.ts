// An exclusive lock on a run directory while a process writes its trace (run, resume, fork, rerun and
// sweep cells alike): `<dir>/.polis.lock` holds the writer's pid, host and start time. A second writer
// is refused, `--force` included, so no trace is deleted under a live process. A lock whose pid is dead
// on this same host is stale (a killed run) and is taken over; one from another host is never guessed at.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors/input-error.js';

export const RUN_LOCK_FILE = '.polis.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface RunLock {
  readonly file: string;
  /** Removes the lock (only if it is still ours). */
  release(): void;
}

/** Takes the lock on `dir` (which must exist) or throws an InputError naming the holder. */
export function acquireRunLock(dir: string): RunLock {
  const file = join(dir, RUN_LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let tries = 0; ; tries++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) throw error;
    }
    const holder = readLock(file);
    if (holder && !(holder.host === mine.host && !isAlive(holder.pid))) {
      throw new InputError(
        `the run directory is being written by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}); wait for it to finish, or stop it first. If that process is gone, delete ${file}`,
        { file: dir },
      );
    }
    // Stale (its process died on this host) or unreadable (torn by a kill mid-write): take it over.
    rmSync(file, { force: true });
  }
  return {
    file,
    release: () => {
      const holder = readLock(file);
      if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) rmSync(file, { force: true });
    },
  };
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
