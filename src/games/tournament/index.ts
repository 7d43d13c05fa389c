export { playMatch, runScripted, runAsync, summarise, matchGame, seatIds, type MatchResult, type MatchOptions } from './play-match.js';
export { runTournament, median, type TournamentOptions, type TournamentResult, type TournamentMatch } from './run-tournament.js';
export { isScripted, playerName, type AsyncPlayer, type Player } from './player.js';
export { parseGameParams } from '../parse-game-params.js';
