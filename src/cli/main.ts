// The `polis` command line. `runCli` is the testable entry point; bin/polis.js runs it for the process.
import { Command, CommanderError } from 'commander';
import { PolisError } from '../core/errors/polis-error.js';
import { SDK_VERSION } from '../core/version.js';
import { CliExit, EXIT, type CliIo, type RegisterCommand } from './command.js';
import { commands } from './commands/index.js';

export function defaultIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
  };
}

export function buildProgram(io: CliIo, register: readonly RegisterCommand[] = commands): Command {
  const program = new Command('polis')
    .description('Multi-agent social simulations with LLM agents')
    .version(SDK_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const r of register) r(program, io);
  return program;
}

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof CliExit) {
    if (error.message) io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof PolisError) {
    io.stderr(`error [${error.code}]: ${error.message}\n`);
    return error.code === 'config_invalid' ? EXIT.usage : EXIT.failed;
  }
  io.stderr(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failed;
}
