// Validates a game's parameters at the boundary (configs, the CLI, direct calls) and turns zod issues into
// a ConfigError that names the option (`params.multiplier: ...`), so a mistake reads like the config file.
import type { z } from 'zod';
import { ConfigError } from '../core/errors/config-error.js';
import { zodIssues } from '../core/zod-issues.js';
import type { GameDefinition } from './definition.js';

/** Parse `input` with a definition's params schema (or a bare schema), defaults filled in. */
export function parseGameParams<P>(source: GameDefinition<P> | z.ZodType<P>, input: unknown, prefix = 'params'): P {
  const definition = 'metadata' in source ? source : undefined;
  const schema = definition ? definition.params : (source as z.ZodType<P>);
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const suffix = definition ? ` (game ${definition.metadata.name})` : '';
    throw new ConfigError(zodIssues(result.error, prefix).map((i) => ({ ...i, message: `${i.message}${suffix}` })));
  }
  return result.data;
}
