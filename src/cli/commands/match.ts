// `polis match`: one match between two scripted strategies on a registered matrix game.
//   polis match --game prisoners-dilemma --agents tit-for-tat,defector --turns 3 --json
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors/config-error.js';
import type { GameDefinition } from '../../games/definition.js';
import type { MatrixParams } from '../../games/matrix/matrix-params.js';
import { gameRegistry } from '../../games/registry.js';
import { strategies } from '../../games/strategies/registry.js';
import type { MatrixStrategy } from '../../games/strategies/define-strategy.js';
import { playMatch } from '../../games/tournament/play-match.js';
import { CliExit, EXIT, type CliIo, type RegisterCommand } from '../command.js';

/** Options shared by `match` and `tournament`. */
export interface GameCliOptions {
  game: string;
  agents: string;
  payoffs?: string;
  params?: string;
  json?: boolean;
}

export function addGameOptions(command: Command): Command {
  return command
    .requiredOption('--game <name>', 'a registered matrix game (see `polis games list`)')
    .requiredOption('--agents <names>', 'comma-separated strategy names')
    .option('--payoffs <R,S,T,P>', 'override the payoffs of a symmetric 2x2 game, e.g. 3,0,5,1')
    .option('--params <json>', 'game parameters as a JSON object, e.g. \'{"catalogue":67}\'')
    .option('--json', 'print one JSON document');
}

/** A positive integer option, or exit 2 naming the option. */
export function intOption(value: string | undefined, name: string, fallback: number | undefined, min = 1): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliExit(EXIT.usage, `--${name}: expected an integer >= ${min}, got "${value}"`);
  return n;
}

/** The matrix game definition named `--game`, or exit 2 with the known names. */
export function resolveGame(name: string): GameDefinition<MatrixParams> {
  const definition = gameRegistry.get(name);
  if (!definition || !isMatrixDefinition(definition)) {
    const known = [...gameRegistry.values()].filter(isMatrixDefinition);
    throw new CliExit(EXIT.usage, `unknown matrix game "${name}"; known: ${known.map((d) => d.metadata.name).join(', ')}`);
  }
  return definition as GameDefinition<MatrixParams>;
}

/** Whether seats of `definition` play the matrix-player role (the games this command can run). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isMatrixDefinition(definition: GameDefinition<any>): boolean {
  try {
    return definition.strategies !== undefined && definition.roleFor({} as never, 0, 'a') === 'matrix-player';
  } catch {
    return false;
  }
}

/** The strategies named in `--agents`, or exit 2 with the known names. */
export function resolveStrategies(list: string): MatrixStrategy[] {
  const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  return names.map((name) => {
    const hit = strategies[name];
    if (!hit) throw new CliExit(EXIT.usage, `unknown strategy "${name}"; known: ${Object.keys(strategies).join(', ')}`);
    return hit;
  });
}

/** Game parameters from --params (JSON) and --payoffs. */
export function gameParams(options: GameCliOptions): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  if (options.params !== undefined) {
    try {
      params = JSON.parse(options.params) as Record<string, unknown>;
    } catch (error) {
      throw ConfigError.at('params', `expected a JSON object: ${(error as Error).message}`);
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw ConfigError.at('params', 'expected a JSON object');
  }
  if (options.payoffs !== undefined) params = { ...params, payoffs: options.payoffs };
  return params;
}

/** Fixed-width text table. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  return `${cells.map((r) => r.map((v, c) => v.padEnd(widths[c] as number)).join('  ').trimEnd()).join('\n')}\n`;
}

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  addGameOptions(program.command('match').description('play one match between two strategies'))
    .option('--turns <n>', 'turns to play (default: the game\'s rounds)')
    .option('--seed <n>', 'root seed', '0')
    .action((options: GameCliOptions & { turns?: string; seed: string }) => {
      const definition = resolveGame(options.game);
      const players = resolveStrategies(options.agents);
      if (players.length !== 2) throw new CliExit(EXIT.usage, `--agents: a match takes exactly two strategies, got ${players.length}`);
      const turns = intOption(options.turns, 'turns', undefined);
      const seed = intOption(options.seed, 'seed', 0, Number.MIN_SAFE_INTEGER) as number;
      const result = playMatch(definition, [players[0] as MatrixStrategy, players[1] as MatrixStrategy], {
        seed,
        params: gameParams(options),
        ...(turns === undefined ? {} : { turns }),
      });
      if (options.json) {
        io.stdout(`${JSON.stringify({ agents: result.agents, actions: result.actions, scores: result.scores, totals: result.totals })}\n`);
        return;
      }
      const [a, b] = result.agents;
      io.stdout(table(['turn', a, b, `score ${a}`, `score ${b}`], result.actions.map((pair, t) => [t + 1, pair[0], pair[1], ...(result.scores[t] ?? [])])));
      io.stdout(`total: ${a} ${result.totals[0]}, ${b} ${result.totals[1]}; winner: ${result.winner ?? 'tie'}\n`);
    });
};
