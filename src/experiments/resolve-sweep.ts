// Turns a sweep config (a file or an object) into the manifest written to `DIR/sweep.json`: the base run
// config read and validated, every condition checked against it (run config and game parameters), seeds
// expanded, cells planned and the config hash computed. Nothing runs here.
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../core/errors/config-error.js';
import { hashValue } from '../core/hash.js';
import { zodIssues } from '../core/zod-issues.js';
import { readConfigSource, validateConfig } from '../engine/config/load-config.js';
import type { RunConfig } from '../engine/config/config-schema.js';
import type { GameDefinition } from '../games/definition.js';
import { parseGameParams } from '../games/parse-game-params.js';
import { gameRegistry } from '../games/registry.js';
import { conditionConfig, planCells } from './cell-config.js';
import { sweepConfigShapeSchema, type SweepConfigInput } from './sweep-config.js';
import type { SweepCondition, SweepManifest } from './sweep-directory.js';

export interface ResolveSweepOptions {
  /** The sweep file, named in errors; a relative `base` path is read from its directory. */
  file?: string;
  /** Directory for a relative `base` path and a relative `models.cache` when there is no file. @default process.cwd() */
  baseDir?: string;
  /** Games, to check each condition's parameters before anything runs. @default the registry */
  games?: ReadonlyMap<string, GameDefinition<unknown>>;
}

/** Reads and resolves a sweep file (YAML, JSON, or TypeScript with `export default defineSweep({...})`). */
export async function loadSweep(file: string, options: Omit<ResolveSweepOptions, 'file'> = {}): Promise<SweepManifest> {
  const raw = await readConfigSource(resolve(file), file);
  return resolveSweep(raw, { ...options, file, baseDir: dirname(resolve(file)) });
}

export async function resolveSweep(input: SweepConfigInput | unknown, options: ResolveSweepOptions = {}): Promise<SweepManifest> {
  const { file } = options;
  const parsed = sweepConfigShapeSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error), file === undefined ? {} : { file });
  const config = parsed.data;
  const dir = options.baseDir ?? process.cwd();

  let base: RunConfig;
  let baseDir = dir;
  if (typeof config.base === 'string') {
    const path = isAbsolute(config.base) ? config.base : resolve(dir, config.base);
    baseDir = dirname(path);
    base = validateConfig(await readConfigSource(path, config.base), config.base);
  } else {
    try {
      base = validateConfig(config.base);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new ConfigError(error.issues.map((i) => ({ path: `base.${i.path}`, message: i.message })), file === undefined ? {} : { file });
    }
  }
  // A relative cache directory means "next to the base config"; the manifest must not depend on the cwd.
  if (typeof base.models.cache === 'string' && !isAbsolute(base.models.cache)) base = { ...base, models: { ...base.models, cache: resolve(baseDir, base.models.cache) } };

  const seeds = typeof config.seeds === 'number' ? Array.from({ length: config.seeds }, (_, i) => i + 1) : config.seeds;
  const conditions: SweepCondition[] = config.conditions ?? [{ name: 'base', set: {} }];
  const games = options.games ?? (gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>);
  conditions.forEach((condition, index) => {
    const cell = conditionConfig(base, condition, seeds[0]!, { index, ...(file === undefined ? {} : { file }) });
    const definition = games.get(cell.game);
    if (!definition) throw ConfigError.at(`conditions[${index}] (${condition.name}): game`, `unknown game "${cell.game}"; known games: ${[...games.keys()].sort().join(', ')}`, file);
    try {
      parseGameParams(definition, cell.params);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new ConfigError(error.issues.map((i) => ({ path: `conditions[${index}] (${condition.name}): ${i.path}`, message: i.message })), file === undefined ? {} : { file });
    }
  });

  return {
    version: 1,
    ...(config.name !== undefined ? { name: config.name } : {}),
    base,
    conditions,
    seeds,
    cells: planCells(conditions, seeds),
    hash: sweepHash(base, conditions),
    ...(config.budget ? { budget: config.budget } : {}),
  };
}

/** What decides every cell's config: the base and the conditions (not the seeds, name or budget). */
export function sweepHash(base: RunConfig, conditions: readonly SweepCondition[]): string {
  return hashValue({ base, conditions });
}
