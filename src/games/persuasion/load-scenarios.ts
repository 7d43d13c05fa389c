// Reads the CToMPersu scenarios from data/persuasion/ (copied with provenance; never from shared/ at run
// time) and validates every entry; a bad entry is an InputError naming the file, the entry index and field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors/input-error.js';
import { formatPath } from '../../core/zod-issues.js';
import { datasetEntrySchema } from './scenario-schema.js';
import type { PersuasionScenario } from './types.js';

/** The built-in dataset: the 525 evaluation scenarios of CToMPersu (see data/persuasion/PROVENANCE.md). */
export const CTOMPERSU_FILE = fileURLToPath(new URL('../../../data/persuasion/CToMPersu_Eval.json', import.meta.url));

const cache = new Map<string, PersuasionScenario[]>();

/** All scenarios of a CToMPersu-format file, ids `ctompersu-<index>` (cached per file). */
export function loadScenarios(file: string = CTOMPERSU_FILE): PersuasionScenario[] {
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('persuasion scenarios not readable', { file }, { cause: error });
  }
  const scenarios = parseScenarios(text, file);
  cache.set(file, scenarios);
  return scenarios;
}

/** Parse and validate the file's text; exported so tests can feed broken input. */
export function parseScenarios(text: string, file: string): PersuasionScenario[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`invalid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (!Array.isArray(raw)) throw new InputError('expected a JSON array of {scenario, dialog} entries', { file, field: '(root)' });
  if (raw.length === 0) throw new InputError('no scenarios', { file, field: '(root)' });
  return raw.map((entry, index) => {
    const parsed = datasetEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`entry ${index}: ${issue?.message ?? 'invalid entry'}`, { file, field: formatPath(issue?.path ?? [], `[${index}]`) });
    }
    return { id: `ctompersu-${index}`, ...parsed.data.scenario };
  });
}
