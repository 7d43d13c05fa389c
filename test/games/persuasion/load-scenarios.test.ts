// The CToMPersu scenarios load from data/persuasion/ and bad input names the file, entry and field.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { InputError } from '../../../src/core/errors/input-error.js';
import { parseGameParams } from '../../../src/games/parse-game-params.js';
import { CTOMPERSU_FILE, loadScenarios, parseScenarios, persuasionDefinition, scenarioFor } from '../../../src/games/persuasion/index.js';
import { hikeScenario } from './play-persuasion.js';

const good = { scenario: { ...hikeScenario, id: undefined }, dialog: ['persuader: hi'] };

describe('CToMPersu scenarios', () => {
  it('loads all 525 evaluation scenarios from data/, ids by index', () => {
    expect(CTOMPERSU_FILE).toMatch(/data\/persuasion\/CToMPersu_Eval\.json$/);
    const all = loadScenarios();
    expect(all).toHaveLength(525);
    expect(all[0]).toMatchObject({
      id: 'ctompersu-0',
      tag: 'Horticultural Techniques',
      persuader: 'Alice',
      persuadee: 'Bob',
      preventive: { content: 'practice traditional farming methods' },
      generative: { content: 'try out vertical farming', desire: 'persuadee wants to improve his farming efficiency and yield.' },
    });
  });

  it('names the file, the entry index and the field of a bad entry', () => {
    const text = JSON.stringify([good, { scenario: { ...good.scenario, preventive: { content: 'x', belief: '', desire: 'y' } }, dialog: [] }]);
    expect(() => parseScenarios(text, 'bad.json')).toThrow(InputError);
    expect(() => parseScenarios(text, 'bad.json')).toThrow(/^bad\.json: entry 1: expected a non-empty string \(field \[1\]\.scenario\.preventive\.belief\)$/);
    expect(() => parseScenarios('{"a": 1}', 'obj.json')).toThrow(/obj\.json: expected a JSON array/);
    expect(() => parseScenarios('[', 'cut.json')).toThrow(/cut\.json: invalid JSON/);
  });

  it('picks a scenario by index, by id, or inline; an index past the end is a config error', () => {
    const pick = (scenario: unknown) => scenarioFor(parseGameParams(persuasionDefinition, { scenario }));
    expect(pick(12).id).toBe('ctompersu-12');
    expect(pick('ctompersu-524')).toEqual(loadScenarios()[524]);
    expect(pick({ ...hikeScenario })).toEqual(hikeScenario);
    expect(() => pick(525)).toThrow(ConfigError);
    expect(() => pick(525)).toThrow(/params\.scenario: index 525 is past the end of the dataset \(525 scenarios/);
    expect(() => parseGameParams(persuasionDefinition, { scenario: 'scenario-3' })).toThrow(/params\.scenario/);
    expect(() => parseGameParams(persuasionDefinition, { cycles: 0 })).toThrow(/params\.cycles/);
  });
});
