// Reading the assistant's generation strictly (spec 14's four blocks + our `Choice:` line), with the reason
// the engine shows the model on repair.
import { describe, expect, it } from 'vitest';
import { asksQuestion, keywordCoverage, readAssistantTurn } from '../../../src/games/assistant/assistant-turn.js';
import { gtalignFormatError, parseGtalign, type PayoffMatrix } from '../../../src/games/rewards/gtalign.js';

const matrix: PayoffMatrix = {
  DQ_AQ: { LLM: 2, user: 3 }, DQ_CQ: { LLM: 1, user: 1 }, DQ_DA: { LLM: 3, user: 2 },
  VQ_AQ: { LLM: 2.5, user: 2.5 }, VQ_CQ: { LLM: 3.5, user: 1 }, VQ_DA: { LLM: -1, user: 4 },
};
const turn = (o: { payoff?: string; analyze?: string; response?: string; before?: string } = {}) =>
  `${o.before ?? ''}<thinking>t</thinking>\n<payoff>${o.payoff ?? JSON.stringify(matrix)}</payoff>\n<analyze>${o.analyze ?? 'frontier...\nChoice: DQ_AQ'}</analyze>\n<response>${o.response ?? 'Here you go. Anything else?'}</response>`;

describe('gtalignFormatError (added to the rewards module for repair messages)', () => {
  it.each([
    ['a missing block', '<thinking>t</thinking><payoff>{}</payoff><response>r</response>', /exactly one <analyze>/],
    ['a doubled block', turn({ response: 'a</response><response>b' }), /exactly one <response>.*2 opening and 2 closing/],
    ['blocks out of order', `<payoff>${JSON.stringify(matrix)}</payoff><thinking>t</thinking><analyze>a</analyze><response>r</response>`, /in the order <thinking>, <payoff>/],
    ['text outside the blocks', turn({ before: 'Sure! ' }), /nothing before, between or after/],
    ['invalid JSON', turn({ payoff: '{DQ_AQ: 1}' }), /<payoff> is not valid JSON/],
    ['a missing key', turn({ payoff: JSON.stringify({ ...matrix, VQ_DA: undefined }) }), /missing VQ_DA/],
    ['an unknown key', turn({ payoff: JSON.stringify({ ...matrix, XX_YY: { LLM: 1, user: 1 } }) }), /unknown XX_YY/],
    ['a non-numeric payoff', turn({ payoff: JSON.stringify({ ...matrix, DQ_CQ: { LLM: 'high', user: 1 } }) }), /<payoff>\.DQ_CQ must be \{"LLM": <number>/],
  ])('names %s', (_what, text, reason) => {
    expect(gtalignFormatError(text)).toMatch(reason);
  });

  it('is stricter than parseGtalign only on repeated tags', () => {
    const doubled = turn({ response: 'a</response><response>b' });
    expect(parseGtalign(doubled)?.response).toBe('a</response><response>b');
    expect(gtalignFormatError(doubled)).toBeDefined();
    for (const text of ['<thinking>t</thinking><response>r</response>', turn({ before: 'Sure! ' }), turn({ payoff: '{DQ_AQ: 1}' }), turn({ payoff: '[]' })]) {
      expect(parseGtalign(text)?.payoff ?? null).toBeNull();
      expect(gtalignFormatError(text)).toBeDefined();
    }
  });

  it('accepts exactly what parseGtalign reads', () => {
    expect(gtalignFormatError(turn())).toBeUndefined();
    expect(parseGtalign(turn())?.payoff).toEqual(matrix);
  });
});

describe('readAssistantTurn', () => {
  it('reads the matrix, the declared cell, the rule\'s cell and the response', () => {
    const read = readAssistantTurn(turn({ analyze: 'VQ_CQ has the best LLM payoff.\nChoice: **VQ_CQ**' }));
    expect(read).toEqual({
      ok: true,
      turn: { matrix, declared: 'VQ_CQ', pareto: 'DQ_AQ', strategy: 'CQ', response: 'Here you go. Anything else?' },
    });
  });

  it.each([
    ['no Choice line', 'I pick DQ_AQ', /exactly one line "Choice: <KEY>".*found 0/],
    ['two Choice lines', 'Choice: DQ_AQ\nChoice: DQ_DA', /found 2/],
    ['a cell that does not exist', 'Choice: DQ_XX', /"Choice: DQ_XX" is not a cell/],
  ])('rejects %s', (_what, analyze, reason) => {
    const read = readAssistantTurn(turn({ analyze }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(reason);
  });

  it('rejects an empty response and passes the format reasons through', () => {
    expect(readAssistantTurn(turn({ response: '  ' }))).toEqual({ ok: false, reason: '<response> is empty: write what the user will read' });
    expect(readAssistantTurn('just an answer')).toMatchObject({ ok: false, reason: expect.stringMatching(/exactly one <thinking>/) });
  });
});

describe('answer proxy', () => {
  it('is the share of keywords mentioned, case-insensitive', () => {
    expect(keywordCoverage('A weekend in PORTO with wine.', ['Porto', 'October', 'wine', '300'])).toBe(0.5);
    expect(keywordCoverage('anything', [])).toBe(0);
  });
  it('a question mark means the response asks the user something', () => {
    expect(asksQuestion('Which city?')).toBe(true);
    expect(asksQuestion('Lisbon it is.')).toBe(false);
  });
});
