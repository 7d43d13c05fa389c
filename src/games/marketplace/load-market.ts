// Reads a market folder (`customers/*.yaml`, `businesses/*.yaml`) and validates every file with zod.
// Errors are InputErrors naming the file and the offending field.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../../core/errors/input-error.js';
import { formatPath } from '../../core/zod-issues.js';
import { businessSchema, customerSchema, type Market } from './market-data.js';

/** The repository's data/marketplace/ folder. */
export const MARKETPLACE_DATA_DIR = fileURLToPath(new URL('../../../data/marketplace/', import.meta.url));

/** Built-in datasets copied from the reference repository (see data/marketplace/PROVENANCE.md). */
export const BUILT_IN_MARKETS = ['mexican_3_9', 'mexican_10_30'] as const;

/** Load a built-in market by name, or any folder with the same layout by path. */
export function loadMarket(nameOrDir: string): Market {
  const dir = (BUILT_IN_MARKETS as readonly string[]).includes(nameOrDir) ? join(MARKETPLACE_DATA_DIR, nameOrDir) : nameOrDir;
  return {
    name: basename(dir),
    customers: readSide(join(dir, 'customers'), customerSchema),
    businesses: readSide(join(dir, 'businesses'), businessSchema),
  };
}

function readSide<T>(dir: string, schema: z.ZodType<T>): T[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch (error) {
    throw new InputError('market folder not readable', { file: dir }, { cause: error });
  }
  if (files.length === 0) throw new InputError('no .yaml files', { file: dir });
  const seen = new Set<string>();
  return files.map((f) => {
    const file = join(dir, f);
    const record = parseMarketFile(readFileSync(file, 'utf8'), file, schema) as T & { id: string };
    if (seen.has(record.id)) throw new InputError(`duplicate id "${record.id}"`, { file, field: 'id' });
    seen.add(record.id);
    return record;
  });
}

/** Parse and validate one YAML record; exported so tests can feed text. */
export function parseMarketFile<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new InputError('invalid YAML', line === undefined ? { file } : { file, line }, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(issue?.message ?? 'invalid record', { file, field: formatPath(issue?.path ?? []) || '(root)' });
  }
  return parsed.data;
}
