// Which real menu item each proposed item name stands for: exact names first, then (optionally) fuzzy
// matches within a Levenshtein distance. Rule of experiments/run_analytics.py
// (`filter_valid_proposal_items`, microsoft/multi-agent-marketplace@02206b1): names are lower-cased before
// measuring; the distance is absolute (not divided by length); leftover pairs within the limit are taken
// greedily by (distance, menu item, proposed item) ascending, each menu item and proposed name used once.
import { levenshteinDistance } from './levenshtein.js';

/** Fuzzy menu-item matching: a proposed name counts as a menu item within this many edits. */
export interface FuzzyItemMatching {
  /** Largest Levenshtein distance (after lower-casing) accepted as the same item; the reference's `fuzzy_match_distance`. */
  maxDistance: number;
}

export interface MenuItemMatch {
  /** Proposed name -> the menu item it stands for (exact or fuzzy). Unmatched names are absent. */
  byName: Map<string, string>;
  /** The fuzzy pairs only: [distance, proposed name, menu item]. */
  fuzzy: Array<[number, string, string]>;
}

/** Matches proposed item names to `menu` names; without `fuzzy` only exact names match. */
export function matchMenuItems(proposed: Iterable<string>, menu: Iterable<string>, fuzzy?: FuzzyItemMatching): MenuItemMatch {
  const menuLeft = new Set(menu);
  const namesLeft = new Set<string>();
  const byName = new Map<string, string>();
  for (const name of proposed) {
    if (menuLeft.has(name)) byName.set(name, name);
    else namesLeft.add(name);
  }
  for (const name of byName.keys()) menuLeft.delete(name);
  const matchedFuzzy: Array<[number, string, string]> = [];
  if (!fuzzy || fuzzy.maxDistance <= 0) return { byName, fuzzy: matchedFuzzy };
  const candidates: Array<[number, string, string]> = [];
  for (const item of menuLeft) {
    for (const name of namesLeft) {
      const d = levenshteinDistance(item.toLowerCase(), name.toLowerCase());
      if (d <= fuzzy.maxDistance) candidates.push([d, item, name]);
    }
  }
  // Same order as sorting the reference's (distance, menu item, proposed item) tuples.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  candidates.sort((x, y) => x[0] - y[0] || cmp(x[1], y[1]) || cmp(x[2], y[2]));
  for (const [d, item, name] of candidates) {
    if (!menuLeft.has(item) || !namesLeft.has(name)) continue;
    byName.set(name, item);
    matchedFuzzy.push([d, name, item]);
    menuLeft.delete(item);
    namesLeft.delete(name);
  }
  return { byName, fuzzy: matchedFuzzy };
}
