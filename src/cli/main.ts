// The `polis` command line. `runCli` is the testable entry point; bin/polis.js runs it for the process.
// Start-up cost matters (a shell sweep starts the CLI once per run), so this file imports only commander
// and the command list: the one command named on the command line is imported, the others are listed
// by name and description for `--help`.
import { Command, CommanderError } from 'commander';
import { PolisError } from '../core/errors/polis-error.js';
import { escapeControl } from '../core/terminal-text.js';
import { SDK_VERSION } from '../core/version.js';
import { CliExit, EXIT, type CliIo } from './command.js';
import { commands, type CommandEntry } from './commands/index.js';

export function defaultIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** The command `argv` asks for: its first word, or the word after `help`; undefined for `--help`, `--version`. */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The program for `argv`: the requested command registered in full (its module imported), every other
 * command as a name and description only.
 */
export async function buildProgram(io: CliIo, argv: readonly string[], entries: readonly CommandEntry[] = commands): Promise<Command> {
  const program = new Command('polis')
    .description('Multi-agent social simulations with LLM agents')
    .version(SDK_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const wanted = requestedCommand(argv);
  for (const entry of entries) {
    if (entry.name === wanted) (await entry.load()).register(program, io);
    else program.command(entry.name).description(entry.description);
  }
  return program;
}

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function runCli(argv: readonly string[], raw: CliIo = defaultIo(), entries: readonly CommandEntry[] = commands): Promise<number> {
  // One place for terminal safety: nothing a command prints (model text, trace values, error messages
  // quoting agent text) can act on the terminal.
  const io: CliIo = { ...raw, stdout: (t) => raw.stdout(escapeControl(t)), stderr: (t) => raw.stderr(escapeControl(t)), rawStderr: raw.rawStderr ?? raw.stderr };
  try {
    const program = await buildProgram(io, argv, entries);
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
