// The occupation × sex × age table the LLM Economist samples worker personas from (spec 1.3). The numbers
// are `data/economist/occupation_detailed_summary.csv` (provenance there), embedded because games do no I/O;
// a test checks the two agree cell by cell.
import type { Rng } from '../../core/rng.js';

/** Age buckets of the table's columns, with the age range a draw is uniform over (reference: 14..17 and 75..90 at the ends). */
export const AGE_BUCKETS = [
  { label: 'Under 18', min: 14, max: 17 },
  { label: '18-24', min: 18, max: 24 },
  { label: '25-34', min: 25, max: 34 },
  { label: '35-44', min: 35, max: 44 },
  { label: '45-54', min: 45, max: 54 },
  { label: '55-64', min: 55, max: 64 },
  { label: '65-74', min: 65, max: 74 },
  { label: '75+', min: 75, max: 90 },
] as const;

/** Rows: occupation group, sex, then one count per age bucket (AGE_BUCKETS order). */
export const OCCUPATION_TABLE: ReadonlyArray<readonly [occupation: string, sex: 'female' | 'male', counts: readonly number[]]> = [
  ['Management occupations', 'male', [5, 180, 1200, 1500, 1300, 900, 300, 50]],
  ['Management occupations', 'female', [3, 120, 900, 1100, 1000, 700, 200, 30]],
  ['Business and financial operations', 'male', [2, 150, 600, 550, 450, 350, 100, 15]],
  ['Business and financial operations', 'female', [2, 180, 700, 600, 500, 380, 110, 18]],
  ['Computer and mathematical occupations', 'male', [3, 200, 800, 700, 500, 300, 80, 10]],
  ['Computer and mathematical occupations', 'female', [1, 80, 300, 250, 180, 120, 30, 5]],
  ['Architecture and engineering', 'male', [1, 100, 400, 350, 300, 250, 80, 12]],
  ['Architecture and engineering', 'female', [0, 30, 120, 100, 70, 50, 15, 2]],
  ['Life, physical, and social science', 'male', [1, 60, 150, 130, 100, 80, 30, 8]],
  ['Life, physical, and social science', 'female', [1, 70, 160, 140, 110, 85, 25, 5]],
  ['Community and social service', 'male', [1, 50, 150, 130, 100, 80, 25, 5]],
  ['Community and social service', 'female', [1, 80, 250, 220, 180, 140, 45, 8]],
  ['Legal occupations', 'male', [0, 20, 150, 180, 160, 120, 50, 15]],
  ['Legal occupations', 'female', [0, 25, 160, 170, 140, 100, 35, 8]],
  ['Educational instruction and library', 'male', [2, 100, 350, 300, 250, 200, 70, 15]],
  ['Educational instruction and library', 'female', [3, 200, 700, 650, 550, 450, 150, 25]],
  ['Arts, design, entertainment, sports, and media', 'male', [5, 120, 300, 250, 180, 120, 40, 8]],
  ['Arts, design, entertainment, sports, and media', 'female', [3, 100, 250, 220, 160, 100, 35, 6]],
  ['Healthcare practitioners and technical', 'male', [1, 80, 400, 350, 280, 200, 70, 15]],
  ['Healthcare practitioners and technical', 'female', [2, 200, 800, 750, 600, 450, 150, 25]],
  ['Healthcare support occupations', 'male', [2, 80, 150, 120, 100, 70, 20, 3]],
  ['Healthcare support occupations', 'female', [5, 200, 400, 350, 300, 220, 70, 10]],
  ['Protective service occupations', 'male', [2, 100, 350, 300, 250, 150, 40, 5]],
  ['Protective service occupations', 'female', [1, 30, 100, 80, 60, 40, 10, 2]],
  ['Food preparation and serving', 'male', [50, 500, 400, 250, 150, 80, 25, 5]],
  ['Food preparation and serving', 'female', [40, 450, 350, 250, 150, 80, 25, 5]],
  ['Building and grounds cleaning and maintenance', 'male', [5, 150, 400, 350, 300, 250, 100, 20]],
  ['Building and grounds cleaning and maintenance', 'female', [3, 80, 200, 200, 180, 150, 60, 10]],
  ['Personal care and service', 'male', [5, 80, 150, 120, 100, 70, 25, 5]],
  ['Personal care and service', 'female', [8, 150, 300, 280, 250, 180, 60, 10]],
  ['Sales and related occupations', 'male', [30, 400, 600, 500, 400, 300, 120, 25]],
  ['Sales and related occupations', 'female', [25, 350, 500, 450, 380, 280, 100, 20]],
  ['Office and administrative support', 'male', [5, 200, 400, 350, 300, 250, 80, 15]],
  ['Office and administrative support', 'female', [10, 400, 800, 700, 600, 500, 170, 25]],
  ['Farming, fishing, and forestry', 'male', [10, 80, 150, 130, 100, 80, 30, 8]],
  ['Farming, fishing, and forestry', 'female', [3, 20, 40, 35, 25, 20, 8, 2]],
  ['Construction and extraction', 'male', [10, 350, 900, 800, 600, 400, 100, 15]],
  ['Construction and extraction', 'female', [1, 15, 40, 35, 25, 15, 5, 1]],
  ['Installation, maintenance, and repair', 'male', [5, 200, 500, 450, 380, 280, 80, 12]],
  ['Installation, maintenance, and repair', 'female', [0, 10, 25, 20, 15, 10, 3, 1]],
  ['Production occupations', 'male', [8, 250, 500, 450, 380, 280, 80, 12]],
  ['Production occupations', 'female', [3, 100, 200, 180, 150, 120, 35, 5]],
  ['Transportation and material moving', 'male', [10, 300, 700, 650, 550, 400, 120, 18]],
  ['Transportation and material moving', 'female', [2, 60, 150, 140, 120, 90, 25, 4]],
];

/** One sampled worker: the table cell drawn and an age inside its bucket. */
export interface OccupationPersona {
  occupation: string;
  sex: 'female' | 'male';
  /** Age in years. */
  age: number;
  /** Label of the age bucket drawn. */
  bucket: string;
}

/** Cell weights in row-major order (row, then bucket), shared by every draw. */
const CELL_WEIGHTS: readonly number[] = OCCUPATION_TABLE.flatMap(([, , counts]) => counts);

/** One draw: a (row, bucket) cell with probability count / total, then an age uniform in the bucket's range. */
export function sampleOccupationPersona(rng: Rng): OccupationPersona {
  const cell = rng.weighted(CELL_WEIGHTS);
  const k = AGE_BUCKETS.length;
  const [occupation, sex] = OCCUPATION_TABLE[Math.floor(cell / k)]!;
  const bucket = AGE_BUCKETS[cell % k]!;
  return { occupation, sex, age: rng.int(bucket.min, bucket.max), bucket: bucket.label };
}

/**
 * A short second-person persona. The reference asks an LLM to expand the three facts into 2–3 sentences; a game
 * makes no model calls, so the facts are stated plainly (a richer text can be given per agent in the config).
 */
export function describeOccupationPersona(p: OccupationPersona): string {
  return `You are a ${p.age}-year-old ${p.sex === 'female' ? 'woman' : 'man'} whose job is in ${p.occupation.toLowerCase()}.`;
}
