// A cell's run config: the sweep's base with its condition's overrides and its seed. Queue workers call
// this with the manifest from `DIR/sweep.json` alone, so it needs nothing else.
import { ConfigError } from '../core/errors/config-error.js';
import { setConfigPath, validateConfig } from '../engine/config/load-config.js';
import type { RunConfig } from '../engine/config/config-schema.js';
import type { SweepCell, SweepCondition, SweepManifest } from './sweep-directory.js';

/** The cells of a grid, conditions outer and seeds inner. */
export function planCells(conditions: readonly Pick<SweepCondition, 'name'>[], seeds: readonly number[]): SweepCell[] {
  return conditions.flatMap((c) => seeds.map((seed) => ({ condition: c.name, seed, dir: cellDir(c.name, seed) })));
}

/** `<condition>/seed-<n>`, relative to the sweep directory. */
export function cellDir(condition: string, seed: number): string {
  return `${condition}/seed-${seed}`;
}

/**
 * The validated run config of one condition at one seed. Errors name the condition and the override
 * (`conditions[1] (punishment).set["params.punishment"]`); `file` is named as the source.
 */
export function conditionConfig(base: unknown, condition: SweepCondition, seed: number, where: { index: number; file?: string }): RunConfig {
  const label = `conditions[${where.index}] (${condition.name})`;
  const withFile = (issues: ConfigError['issues']) => new ConfigError(issues, where.file === undefined ? {} : { file: where.file });
  let raw = base;
  for (const [path, value] of Object.entries(condition.set)) {
    const at = `${label}.set["${path}"]`;
    if (path === 'seed') throw withFile([{ path: at, message: "each cell's seed comes from the sweep's `seeds`; do not set it in a condition" }]);
    try {
      raw = setConfigPath(raw, path, value, { strict: true, label: at });
    } catch (error) {
      throw error instanceof ConfigError ? withFile(error.issues) : error;
    }
  }
  try {
    return validateConfig(setConfigPath(raw, 'seed', seed));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw withFile(error.issues.map((i) => ({ path: `${label}: ${i.path || '(root)'}`, message: i.message })));
  }
}

/** The run config of a cell of a manifest. */
export function cellConfig(manifest: Pick<SweepManifest, 'base' | 'conditions'>, cell: Pick<SweepCell, 'condition' | 'seed'>): RunConfig {
  const index = manifest.conditions.findIndex((c) => c.name === cell.condition);
  if (index < 0) throw ConfigError.at('condition', `no condition "${cell.condition}" in this sweep; conditions: ${manifest.conditions.map((c) => c.name).join(', ')}`);
  return conditionConfig(manifest.base, manifest.conditions[index]!, cell.seed, { index });
}
