// Lazy command loading: `polis --help` lists every command from the static list without importing one;
// a command's module is imported only when that command runs or shows its help.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { RegisterCommand } from '../../src/cli/command.js';
import { commands, type CommandEntry } from '../../src/cli/commands/index.js';
import { requestedCommand, runCli } from '../../src/cli/main.js';
import { SDK_VERSION } from '../../src/core/version.js';
import { capture } from '../helpers/cli.js';

/** The command list with each `load` counted, and each command registering a stub that records its run. */
function spyEntries() {
  const loaded: string[] = [];
  const ran: string[] = [];
  const entries: CommandEntry[] = commands.map((c) => ({
    ...c,
    load: async () => {
      loaded.push(c.name);
      const register: RegisterCommand = (program) => {
        program.command(c.name).description(c.description).option('--flag').action(() => void ran.push(c.name));
      };
      return { register };
    },
  }));
  return { entries, loaded, ran };
}

describe('the command list', () => {
  it("names each command as its module registers it, with the module's description", async () => {
    for (const entry of commands) {
      const program = new Command('polis');
      (await entry.load()).register(program, capture());
      const registered = program.commands.map((c) => [c.name(), c.description()]);
      expect(registered, `src/cli/commands/index.ts entry "${entry.name}"`).toEqual([[entry.name, entry.description]]);
    }
  });
});

describe('lazy loading', () => {
  it('--help lists every command and imports none', async () => {
    const { entries, loaded } = spyEntries();
    const io = capture();
    expect(await runCli(['--help'], io, entries)).toBe(0);
    for (const c of commands) expect(io.out).toMatch(new RegExp(`^  ${c.name} +\\S`, 'm'));
    expect(io.out).toContain('first divergence of two traces and their metric deltas');
    expect(loaded).toEqual([]);
  });

  it('--version prints the SDK version and imports no command', async () => {
    const { entries, loaded } = spyEntries();
    const io = capture();
    expect(await runCli(['--version'], io, entries)).toBe(0);
    expect(io.out.trim()).toBe(SDK_VERSION);
    expect(loaded).toEqual([]);
  });

  it('imports only the command that runs', async () => {
    const { entries, loaded, ran } = spyEntries();
    expect(await runCli(['diff', '--flag'], capture(), entries)).toBe(0);
    expect(loaded).toEqual(['diff']);
    expect(ran).toEqual(['diff']);
  });

  it('`help <command>` and `<command> --help` import that command only', async () => {
    for (const argv of [['help', 'trace'], ['trace', '--help']]) {
      const { entries, loaded } = spyEntries();
      const io = capture();
      expect(await runCli(argv, io, entries)).toBe(0);
      expect(io.out).toContain('--flag');
      expect(loaded).toEqual(['trace']);
    }
  });

  it('an unknown command is a usage error naming it, with nothing imported', async () => {
    const { entries, loaded } = spyEntries();
    const io = capture();
    expect(await runCli(['rn'], io, entries)).toBe(2);
    expect(io.err).toContain("unknown command 'rn'");
    expect(loaded).toEqual([]);
  });

  it('finds the command word after leading options', () => {
    expect(requestedCommand(['--no-color', 'run', 'x.yaml'])).toBe('run');
    expect(requestedCommand(['help', 'judge'])).toBe('judge');
    expect(requestedCommand(['--help'])).toBeUndefined();
  });
});
