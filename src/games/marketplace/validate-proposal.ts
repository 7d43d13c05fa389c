// Order-proposal checks of the reference analytics (spec 6.2 "invalid proposals"): every item on the
// business's menu, unit price = menu price within 0.01, total = Σ quantity × unit price within 0.01.
import type { Business } from './market-data.js';
import type { Proposal } from './marketplace-actions.js';
import { matchMenuItems, type FuzzyItemMatching } from './match-menu-items.js';

/** Prices within this many dollars are equal. */
export const PRICE_TOLERANCE = 0.01;

/**
 * Why the proposal is invalid for `business`, or `undefined` when it is valid. With `fuzzy`, a misspelled
 * item name stands for the menu item it fuzzily matches (see `matchMenuItems`) and must carry that item's
 * price. (The reference lets such proposals through and flags them; our game blocks invalid proposals, so
 * without this a fuzzily matching proposal could never be paid.)
 */
export function proposalProblem(proposal: Proposal, business: Business, fuzzy?: FuzzyItemMatching): string | undefined {
  const matched = matchMenuItems(
    proposal.items.map((i) => i.item_name),
    Object.keys(business.menu_features),
    fuzzy,
  ).byName;
  let sum = 0;
  for (const [i, item] of proposal.items.entries()) {
    const menuItem = matched.get(item.item_name);
    const menuPrice = menuItem === undefined ? undefined : business.menu_features[menuItem];
    if (menuPrice === undefined) return `items[${i}]: "${item.item_name}" is not on ${business.id}'s menu`;
    if (!Number.isInteger(item.quantity) || item.quantity < 1) return `items[${i}]: quantity must be an integer >= 1, got ${item.quantity}`;
    if (Math.abs(item.unit_price - menuPrice) > PRICE_TOLERANCE + 1e-9) {
      return `items[${i}]: unit price ${item.unit_price} differs from the menu price ${menuPrice} of "${menuItem}"`;
    }
    sum += item.quantity * item.unit_price;
  }
  if (Math.abs(proposal.total_price - sum) > PRICE_TOLERANCE + 1e-9) {
    return `total_price ${proposal.total_price} differs from Σ quantity × unit price = ${Math.round(sum * 100) / 100}`;
  }
  return undefined;
}
