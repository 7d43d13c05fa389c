// The CLI's command contract: one file per command in src/cli/commands/ (listed in commands/index.ts and
// imported only when used), each registering itself on the commander program. Commands write through
// `io` (never console) so tests can capture output, and signal failure by throwing a `CliExit` or a
// PolisError (mapped to exit codes in main.ts).
import type { Command } from 'commander';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * stderr without escaping, for the live status line's own cursor control only. `runCli` escapes control
   * characters in everything written through `stdout` and `stderr` (agent text is hostile).
   * @default stderr
   */
  rawStderr?: (text: string) => void;
  /** Whether stdout is an interactive terminal (progress display). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Exit codes: 0 ok, 1 run failed, invalid input file or traces that differ, 2 bad usage or config,
 * 3 stopped by a budget, 4 a degraded run (finished, but more than `maxDefaultedShare` of its actions
 * were defaulted).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, budget: 3, degraded: 4 } as const;

/** Thrown by a command to stop with a given exit code and message. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

export type RegisterCommand = (program: Command, io: CliIo) => void;
