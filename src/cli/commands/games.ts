// `polis games list`: every registered game with its parameters (read from the game registry).
import type { Command } from 'commander';
import { z } from 'zod';
import type { GameDefinition } from '../../games/definition.js';
import { gameRegistry } from '../../games/registry.js';
import type { CliIo, RegisterCommand } from '../command.js';

interface ParamDoc {
  name: string;
  type: string;
  description?: string;
  default?: unknown;
}

/** The parameters of `definition`: names, types and descriptions from the input schema, defaults from parsing `{}`. */
export function describeParams(definition: GameDefinition): ParamDoc[] {
  let properties: Record<string, { type?: string | string[]; anyOf?: Array<{ type?: string }>; description?: string; enum?: unknown[] }> = {};
  try {
    const schema = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as { properties?: typeof properties };
    properties = schema.properties ?? {};
  } catch {
    properties = {};
  }
  const parsed = definition.params.safeParse({});
  const defaults = parsed.success && parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
  return Object.entries(properties).map(([name, p]) => {
    const type = p.enum ? p.enum.map((v) => JSON.stringify(v)).join(' | ') : (Array.isArray(p.type) ? p.type.join(' | ') : (p.type ?? p.anyOf?.map((a) => a.type ?? '?').join(' | ') ?? 'any'));
    const doc: ParamDoc = { name, type };
    if (p.description) doc.description = p.description;
    if (name in defaults) doc.default = defaults[name];
    return doc;
  });
}

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  const games = program.command('games').description('registered games');
  games
    .command('list')
    .description('list every registered game with its parameters')
    .option('--json', 'print one JSON document')
    .action((options: { json?: boolean }) => {
      const list = [...gameRegistry.values()].map((d) => ({
        name: d.metadata.name,
        version: d.metadata.version,
        description: d.metadata.description,
        source: d.metadata.source,
        params: describeParams(d as GameDefinition),
      }));
      if (options.json) {
        io.stdout(`${JSON.stringify(list)}\n`);
        return;
      }
      for (const g of list) {
        io.stdout(`${g.name} (v${g.version}): ${g.description}\n`);
        for (const p of g.params) {
          const dflt = p.default === undefined ? '' : ` [default ${JSON.stringify(p.default)}]`;
          io.stdout(`    ${p.name}: ${p.type}${p.description ? ` - ${p.description}` : ''}${dflt}\n`);
        }
      }
    });
};
