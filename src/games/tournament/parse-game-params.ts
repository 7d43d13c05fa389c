// Validates a game's parameters at the boundary, turning zod issues into a ConfigError that names the
// parameter (`params.payoffs: expected four numbers ...`).
import { ConfigError } from '../../core/errors/config-error.js';
import { zodIssues } from '../../core/zod-issues.js';
import type { GameDefinition } from '../definition.js';

export function parseGameParams<P>(definition: GameDefinition<P>, raw: unknown, prefix = 'params'): P {
  const result = definition.params.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(zodIssues(result.error, prefix).map((i) => ({ ...i, message: `${i.message} (game ${definition.metadata.name})` })));
  return result.data;
}
