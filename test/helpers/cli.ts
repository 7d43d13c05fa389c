import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/command.js';

/** Runs the CLI in-process and captures its output. */
export async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTty: false, env: { CI: '1' }, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A capturing `CliIo` for `runCli(args, io)`: output accumulates in `out` and `err`. */
export function capture(cwd = process.cwd()): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, env: {}, cwd } as CliIo & { out: string; err: string };
  io.stdout = (t) => void (io.out += t);
  io.stderr = (t) => void (io.err += t);
  return io;
}
