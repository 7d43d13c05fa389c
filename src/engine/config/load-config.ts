// Loads a run config from YAML, JSON or TypeScript and validates it. Every error names the file and
// the config path; YAML syntax errors name the line.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { ConfigError } from '../../core/errors/config-error.js';
import { InputError } from '../../core/errors/input-error.js';
import { zodIssues } from '../../core/zod-issues.js';
import { runConfigSchema, type RunConfig } from './config-schema.js';

export async function loadConfig(file: string): Promise<RunConfig> {
  const path = resolve(file);
  const raw = await readRaw(path, file);
  return validateConfig(raw, file);
}

export function validateConfig(raw: unknown, file?: string): RunConfig {
  const parsed = runConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error), file === undefined ? {} : { file });
  return parsed.data;
}

async function readRaw(path: string, shown: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.js' || ext === '.mjs') {
    const { tsImport } = await import('tsx/esm/api');
    const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    // tsx may wrap the module once more (CommonJS interop): unwrap a nested `default`.
    const value = (mod.default as { default?: unknown } | undefined)?.default ?? mod.default;
    if (value === undefined) throw ConfigError.at('', 'the config module must `export default defineConfig({...})`', shown);
    return value;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError('cannot read the config file', { file: shown }, { cause: error });
  }
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError([{ path: '', message: `invalid JSON: ${(error as Error).message}` }], { file: shown });
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new ConfigError([{ path: '', message: `invalid YAML${line ? ` at line ${line}` : ''}: ${e.message.split('\n')[0]}` }], { file: shown });
  }
  return doc.toJS();
}

/** `--set a.b[0].c=value` overrides; values are parsed as YAML scalars (numbers, booleans, strings). */
export function applyOverrides(raw: unknown, sets: readonly string[]): unknown {
  const root = structuredClone(raw) as Record<string, unknown>;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw ConfigError.at('--set', `expected path=value, got "${set}"`);
    const path = set.slice(0, eq);
    const value = parseDocument(set.slice(eq + 1)).toJS();
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = value;
      else {
        if (node[key] === undefined || typeof node[key] !== 'object') node[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return root;
}
