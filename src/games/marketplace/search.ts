// Business search for customers' assistants (spec 6.1 `search`): four ranking algorithms, constraint
// filters, pagination, and the position-bias override used by the position experiments.
import type { Business, Customer } from './market-data.js';

export type SearchAlgorithm = 'simple' | 'filtered' | 'lexical' | 'optimal';

export interface SearchConstraints {
  /** Keep businesses rated at least this. */
  rating_threshold?: number | undefined;
  /** Keep businesses offering all of these amenities. */
  amenity_features?: string[] | undefined;
  /** Keep businesses serving all of these items. */
  menu_items?: string[] | undefined;
}

export interface SearchRequest {
  query: string;
  algorithm: SearchAlgorithm;
  constraints?: SearchConstraints | undefined;
  /** Results per page. @default 10 */
  limit?: number | undefined;
  /** 1-based page. @default 1 */
  page?: number | undefined;
}

export interface SearchResult {
  /** Ids of the page's businesses, best first. */
  businesses: string[];
  algorithm: SearchAlgorithm;
  total_possible_results: number;
  total_pages: number;
  page: number;
}

/** Fixes where one business appears in every ranking (1 = first), when it is in the results at all. */
export interface PositionOverride {
  business: string;
  position: number;
}

const byRating = (a: Business, b: Business): number => b.rating - a.rating || (a.id < b.id ? -1 : 1);

/** Run a search for `customer` (the optimal algorithm reads the customer's own request). */
export function searchBusinesses(
  businesses: readonly Business[],
  request: SearchRequest,
  customer: Customer,
  override?: PositionOverride,
): SearchResult {
  const c = request.constraints ?? {};
  const passes = (b: Business): boolean =>
    (c.rating_threshold === undefined || b.rating >= c.rating_threshold) &&
    (c.amenity_features ?? []).every((a) => b.amenity_features[a] === true) &&
    (c.menu_items ?? []).every((i) => i in b.menu_features);
  let ranked: Business[];
  switch (request.algorithm) {
    case 'simple':
      ranked = businesses.slice().sort(byRating);
      break;
    case 'filtered': {
      const q = request.query.trim().toLowerCase();
      ranked = businesses
        .filter((b) => passes(b) && (q === '' || b.name.toLowerCase().includes(q) || b.description.toLowerCase().includes(q)))
        .sort(byRating);
      break;
    }
    case 'lexical': {
      const scores = bm25Scores(businesses, request.query);
      ranked = businesses
        .map((b, i) => ({ b, s: scores[i] as number }))
        .filter(({ b, s }) => s > 0 && passes(b))
        .sort((x, y) => y.s - x.s || byRating(x.b, y.b))
        .map(({ b }) => b);
      break;
    }
    case 'optimal': {
      const wanted = Object.keys(customer.menu_features);
      ranked = businesses.filter((b) => wanted.every((i) => i in b.menu_features)).sort(byRating);
      break;
    }
  }
  let ids = ranked.map((b) => b.id);
  if (override) ids = placeAt(ids, override);
  const limit = Math.max(1, request.limit ?? 10);
  const page = Math.max(1, request.page ?? 1);
  return {
    businesses: ids.slice((page - 1) * limit, page * limit),
    algorithm: request.algorithm,
    total_possible_results: ids.length,
    total_pages: Math.ceil(ids.length / limit),
    page,
  };
}

function placeAt(ids: string[], o: PositionOverride): string[] {
  const at = ids.indexOf(o.business);
  if (at < 0) return ids;
  const rest = ids.filter((id) => id !== o.business);
  rest.splice(Math.min(Math.max(o.position - 1, 0), rest.length), 0, o.business);
  return rest;
}

/** Lowercase word tokens. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Okapi BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N − df + 0.5)/(df + 0.5))) of `query` against each business's
 * name + description + menu item names. Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009.
 */
export function bm25Scores(businesses: readonly Business[], query: string, k1 = 1.2, b = 0.75): number[] {
  const docs = businesses.map((bz) => tokenize(`${bz.name} ${bz.description} ${Object.keys(bz.menu_features).join(' ')}`));
  const n = docs.length;
  const avgLen = docs.reduce((s, d) => s + d.length, 0) / Math.max(n, 1);
  const terms = [...new Set(tokenize(query))];
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return docs.map((d) => {
    let score = 0;
    for (const t of terms) {
      const tf = d.filter((x) => x === t).length;
      if (tf === 0) continue;
      const dft = df.get(t) ?? 0;
      const idf = Math.log(1 + (n - dft + 0.5) / (dft + 0.5));
      score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avgLen));
    }
    return score;
  });
}
