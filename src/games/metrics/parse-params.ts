// Validates a game's params at the boundary and turns zod issues into a ConfigError whose paths name
// the option (`params.multiplier`), so a config mistake reads like the config file.
import type { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import { zodIssues } from '../../core/zod-issues.js';

/** Parse `input` with `schema` (defaults filled in) or throw a ConfigError with paths under `prefix`. */
export function parseGameParams<T>(schema: z.ZodType<T>, input: unknown, prefix = 'params'): T {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new ConfigError(zodIssues(result.error, prefix));
  return result.data;
}
