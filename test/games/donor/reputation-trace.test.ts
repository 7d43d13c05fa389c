import { describe, expect, it } from 'vitest';
import { updateReputation } from '../../../src/games/donor/reputation.js';
import { traceChain, traceText } from '../../../src/games/donor/trace.js';
import type { Interaction } from '../../../src/games/donor/types.js';

// Spec §3: rep = p first; then ((1 − |p − rep_recipient|) + 0.5·rep) / 1.5.
describe('updateReputation', () => {
  it.each([
    { previous: null, p: 0.5, recipient: 0.9, expected: 0.5 },
    { previous: 0.5, p: 0.5, recipient: 0.5, expected: 1.25 / 1.5 },
    { previous: 0.8, p: 0.2, recipient: 1.0, expected: (0.2 + 0.4) / 1.5 },
    { previous: 0.5, p: 1, recipient: null, expected: 0.25 / 1.5 }, // missing recipient reputation counts as 0
  ])('previous $previous, p $p, recipient $recipient -> $expected', ({ previous, p, recipient, expected }) => {
    expect(updateReputation(previous, p, recipient)).toBeCloseTo(expected, 12);
  });
});

const link = (turn: number, donor: string, recipient: string, amount: number, donorBefore: number, kind: Interaction['kind'] = 'donate'): Interaction => ({
  turn, generation: 0, game: 0, round: turn, donor, recipient, kind, amount, donorBefore, recipientBefore: 10,
});

describe('indirect-reciprocity trace', () => {
  // Turn 1: C gives D 50%. Turn 2: B gives C 25%. Turn 3: A punishes B. Turn 4: B gives A 100%.
  const history = [link(1, 'C', 'D', 5, 10), link(2, 'B', 'C', 2.5, 10), link(3, 'A', 'B', 1, 10, 'punish'), link(4, 'B', 'A', 8, 8)];

  it('walks back from the recipient, each link strictly earlier than the one before, at most depth links', () => {
    const chain = traceChain(history, 'A', 5, 3);
    expect(chain.map((l) => `${l.donor}->${l.recipient}@${l.turn}`)).toEqual(['A->B@3', 'B->C@2', 'C->D@1']);
    expect(traceChain(history, 'A', 5, 2)).toHaveLength(2);
    expect(traceChain(history, 'A', 3, 3)).toEqual([]); // A had not acted before turn 3
  });

  it('writes one sentence per link, in the spec structure', () => {
    expect(traceText(traceChain(history, 'A', 5, 3), 'A')).toBe(
      'In round 3, A punished B, spending 1 units to take away 2 units. ' +
        'In round 2, B donated 25% of their resources to C. ' +
        'In round 1, C donated 50% of their resources to D.',
    );
    expect(traceText([], 'E')).toBe('E did not have any previous interactions.');
    expect(traceText([link(1, 'X', 'Y', 0, 10, 'refuse')], 'X')).toBe('In round 1, X refused to play with Y.');
  });
});
