// Public surface of sweeps (re-exported from src/index.ts).
export { defineSweep, sweepConfigSchema, sweepConditionSchema, sweepBudgetSchema, type SweepConfig, type SweepConfigInput } from './sweep-config.js';
export { loadSweep, resolveSweep, sweepHash, type ResolveSweepOptions } from './resolve-sweep.js';
export { planCells, cellDir, cellConfig } from './cell-config.js';
export { runSweep, describeChanges, type RunSweepOptions, type SweepResult, type SweepHooks } from './run-sweep.js';
export { runCell, archiveAttempt, type RunCellOptions, type CellOutcome, type CellAction } from './run-cell.js';
export { inspectCell, isSweepBudgetStop, type CellState } from './inspect-cell.js';
export { collectResults, cellRow, readCellSummary, type CellSummary } from './collect-results.js';
export { compareResults, COMPARABLE_STATUSES } from './compare-results.js';
export { summarize, pairedDifference, INTERVAL_METHOD, PAIRED_METHOD } from './stats/t-statistics.js';
export {
  readSweepManifest,
  writeSweepManifest,
  readResults,
  writeResults,
  readResultsCsv,
  resultsCsv,
  readComparison,
  writeComparison,
  metricNames,
  SWEEP_FILE,
  RESULTS_JSONL,
  RESULTS_CSV,
  COMPARISON_FILE,
  RESULTS_CSV_FIXED_COLUMNS,
  RESULTS_CSV_USAGE_COLUMNS,
  type ResultsCsvRow,
} from './sweep-files.js';
export type * from './sweep-directory.js';
export { formatComparison } from './format-comparison.js';
