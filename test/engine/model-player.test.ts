import { describe, expect, it } from 'vitest';
import { modelPlayer } from '../../src/engine/model-player.js';
import { prisonersDilemma } from '../../src/games/matrix/matrix-definitions.js';
import { strategyByName } from '../../src/games/strategies/index.js';
import { runTournament } from '../../src/games/tournament/run-tournament.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';

describe('LLM and scripted agents in one tournament', () => {
  it('an LLM that always answers "Option D" scores exactly like the scripted defector', async () => {
    const llm = modelPlayer({ name: 'llm-defector', model: new ScriptedClient({ fallback: 'Option D' }) });
    const withLlm = await runTournament({ game: prisonersDilemma, players: [strategyByName('tit-for-tat')!, strategyByName('cooperator')!, llm], turns: 6, repetitions: 2, seed: 3 });
    const scripted = await runTournament({ game: prisonersDilemma, players: [strategyByName('tit-for-tat')!, strategyByName('cooperator')!, strategyByName('defector')!], turns: 6, repetitions: 2, seed: 3 });
    expect(withLlm.scores['llm-defector']).toBe(scripted.scores['defector']);
    expect(withLlm.ranking.map((n) => n.replace('llm-defector', 'defector'))).toEqual(scripted.ranking);
    expect(withLlm.cooperation['llm-defector']).toBe(0);
  });

  it('repairs an unparsable answer with the error shown, and defaults after the bound', async () => {
    // Evasive at first, cooperative once shown its error.
    const model = new ScriptedClient({ respond: (request) => (request.call?.purpose === 'repair' ? 'Option C' : 'I would rather not say') });
    const player = modelPlayer({ name: 'llm', model, maxRepairs: 1 });
    const result = await runTournament({ game: prisonersDilemma, players: [strategyByName('defector')!, player], turns: 3, repetitions: 1, seed: 1 });
    expect(result.cooperation['llm']).toBe(3);
    expect(player.defaulted).toBe(0);
    expect(model.requests[1]!.messages.at(-1)!.content).toMatch(/Your previous answer could not be used/);
    const stubborn = modelPlayer({ name: 'mute', model: new ScriptedClient({ fallback: '...' }), maxRepairs: 1 });
    await runTournament({ game: prisonersDilemma, players: [strategyByName('defector')!, stubborn], turns: 2, repetitions: 1, seed: 1 });
    // 2 turns against the defector, plus self-play (played, though left out of scores): 2 turns x 2 seats
    expect(stubborn.defaulted).toBe(6);
  });
});
