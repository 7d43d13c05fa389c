// `polis tournament`: a round robin of scripted strategies with Axelrod's conventions.
//   polis tournament --game prisoners-dilemma --agents tit-for-tat,defector,grudger --turns 200 --repetitions 10 --seed 1 --json
import type { Command } from 'commander';
import { runTournament } from '../../games/tournament/run-tournament.js';
import type { CliIo, RegisterCommand } from '../command.js';
import { addGameOptions, gameParams, intOption, resolveGame, resolveStrategies, table, type GameCliOptions } from './match.js';

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  addGameOptions(program.command('tournament').description('round-robin tournament of strategies (self-play excluded from scores)'))
    .option('--turns <n>', 'turns per match', '200')
    .option('--repetitions <n>', 'times each match is played', '10')
    .option('--seed <n>', 'root seed', '0')
    .action(async (options: GameCliOptions & { turns: string; repetitions: string; seed: string }) => {
      const result = await runTournament({
        game: resolveGame(options.game),
        players: resolveStrategies(options.agents),
        turns: intOption(options.turns, 'turns', 200) as number,
        repetitions: intOption(options.repetitions, 'repetitions', 10) as number,
        seed: intOption(options.seed, 'seed', 0, Number.MIN_SAFE_INTEGER) as number,
        params: gameParams(options),
        keepMatches: false,
      });
      if (options.json) {
        const { ranking, scores, wins, cooperation } = result;
        io.stdout(`${JSON.stringify({ ranking, scores, wins, cooperation })}\n`);
        return;
      }
      io.stdout(
        table(
          ['rank', 'agent', 'median score', 'wins', 'cooperation'],
          result.ranking.map((name, k) => [k + 1, name, (result.scores[name] as number).toFixed(4), result.wins[name] as number, result.cooperation[name] as number]),
        ),
      );
      io.stdout(`${result.players.length} agents, ${result.turns} turns, ${result.repetitions} repetitions, seed ${result.seed}; scores are median per-turn payoffs against others\n`);
    });
};
