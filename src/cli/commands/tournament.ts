// `polis tournament`: a round robin with Axelrod's conventions. Agents are scripted strategies, or LLM
// agents named `model:<spec>` (e.g. `model:openai:gpt-4o-mini`), which play the repeated-games protocol.
//   polis tournament --game prisoners-dilemma --agents tit-for-tat,defector,grudger --turns 200 --repetitions 10 --seed 1 --json
import type { Command } from 'commander';
import { runTournament } from '../../games/tournament/run-tournament.js';
import type { Player } from '../../games/tournament/player.js';
import { modelPlayer } from '../../engine/model-player.js';
import { prepareProviders } from '../../engine/default-models.js';
import { createModel } from '../../models/create-model.js';
import { createModelStack } from '../../models/wrappers/create-model-stack.js';
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
        players: await resolvePlayers(options.agents),
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

/** `tit-for-tat,model:openai:gpt-4o-mini` -> players; model agents go through the standard model stack. */
async function resolvePlayers(list: string): Promise<Player[]> {
  const names = list.split(',').map((n) => n.trim()).filter(Boolean);
  await prepareProviders(names.filter((n) => n.startsWith('model:')).map((n) => n.slice('model:'.length)));
  return names.flatMap((name): Player[] =>
    name.startsWith('model:') ? [modelPlayer({ name, model: createModelStack(createModel(name.slice('model:'.length), { path: '--agents' })) })] : resolveStrategies(name),
  );
}
