// Edit distance and fuzzy menu-item matching (spec 6.2; run_analytics.py of
// microsoft/multi-agent-marketplace@02206b1: lower-cased names, absolute distance, greedy one-to-one).
import { describe, expect, it } from 'vitest';
import { levenshteinDistance, matchMenuItems } from '../../../src/games/marketplace/index.js';

describe('levenshteinDistance', () => {
  // Hand-counted edits.
  it.each([
    ['', '', 0],
    ['', 'abc', 3], // three insertions
    ['taco', 'taco', 0],
    ['kitten', 'sitting', 3], // k→s, e→i, +g
    ['flaw', 'lawn', 2], // −f, +n
    ['Taco', 'taco', 1], // case counts: callers lower-case first
    ['empanadas', 'empanada', 1], // −s
    ['gumbo', 'gambol', 2], // u→a, +l
    ['a😀', 'a', 1], // one code point, although two UTF-16 units
  ])('d(%j, %j) = %i, both ways', (a, b, d) => {
    expect(levenshteinDistance(a, b)).toBe(d);
    expect(levenshteinDistance(b, a)).toBe(d);
  });
});

describe('matchMenuItems', () => {
  const menu = ['Taco', 'Tamal', 'Savory Pumpkin Empanadas'];
  it('matches only exact names when fuzzy matching is off', () => {
    const m = matchMenuItems(['Taco', 'Savory Pumpkin Empanada'], menu);
    expect([...m.byName]).toEqual([['Taco', 'Taco']]);
    expect(m.fuzzy).toEqual([]);
  });
  it('matches a misspelling within the distance, ignoring case, to the nearest menu item', () => {
    const m = matchMenuItems(['savory pumpkin empanada', 'Tacx'], menu, { maxDistance: 2 });
    // "tacx": d(taco) = 1 < d(tamal) = 3; the empanadas lack one "s" once lower-cased.
    expect(m.byName.get('Tacx')).toBe('Taco');
    expect(m.byName.get('savory pumpkin empanada')).toBe('Savory Pumpkin Empanadas');
    // Taken in (distance, menu item, proposed name) order: "Savory…" sorts before "Taco".
    expect(m.fuzzy).toEqual([
      [1, 'savory pumpkin empanada', 'Savory Pumpkin Empanadas'],
      [1, 'Tacx', 'Taco'],
    ]);
  });
  it('rejects a name beyond the distance', () => {
    expect(matchMenuItems(['Tqcx'], ['Taco'], { maxDistance: 1 }).byName.size).toBe(0); // d = 2
  });
  it('uses each menu item once: ties go to the smaller name, an exact match comes first', () => {
    // "Tac" and "Tacoo" are both 1 edit from "Taco"; "Tac" sorts first and takes it.
    expect([...matchMenuItems(['Tacoo', 'Tac'], ['Taco'], { maxDistance: 1 }).byName]).toEqual([['Tac', 'Taco']]);
    // The exact "Taco" is matched before any fuzzy pair, so "Tacos" finds nothing left.
    expect([...matchMenuItems(['Tacos', 'Taco'], ['Taco'], { maxDistance: 1 }).byName]).toEqual([['Taco', 'Taco']]);
  });
});
