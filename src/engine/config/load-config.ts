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
  const raw = await readConfigSource(path, file);
  return validateConfig(raw, file);
}

/**
 * Runs `work` (a run started from the config `file`) so that every configuration mistake it finds, even
 * one found late (a game's agent count, a model spec), names the file.
 */
export async function inConfigFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConfigError && error.file === undefined) throw new ConfigError(error.issues, { file, cause: error });
    throw error;
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function validateConfig(raw: unknown, file?: string): RunConfig {
  const parsed = runConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error), file === undefined ? {} : { file });
  return parsed.data;
}

/**
 * The raw value of a config file (YAML, JSON, or a TypeScript/JavaScript module's default export), not yet
 * validated; `shown` is the name used in errors. Sweep configs are read the same way.
 */
export async function readConfigSource(path: string, shown: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.js' || ext === '.mjs') {
    const { tsImport } = await import('tsx/esm/api');
    let mod: { default?: unknown };
    try {
      mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    } catch (error) {
      // A syntax error (or a throw while the module runs) is a mistake in the config, not a crash: name
      // the file and, where the compiler gives one, the line.
      const message = error instanceof Error ? error.message : String(error);
      const line = new RegExp(`${escapeRegExp(path)}:(\\d+):(\\d+)`).exec(message) ?? /:(\d+):(\d+)/.exec(message);
      const first = message.split('\n').find((l) => /ERROR|Error|error/.test(l)) ?? message.split('\n')[0] ?? '';
      throw ConfigError.at(line ? `line ${line[1]}, column ${line[2]}` : '', `cannot load the config module: ${first.replace(/^.*?ERROR:\s*/, '').trim()}`, shown);
    }
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
  let root = raw;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw ConfigError.at('--set', `expected path=value, got "${set}"`);
    root = setConfigPath(root, set.slice(0, eq), parseDocument(set.slice(eq + 1)).toJS());
  }
  return sets.length ? root : structuredClone(raw);
}

export interface SetConfigPathOptions {
  /**
   * Refuse a path through a missing array element (`agents[3]` of a two-agent config) or through a
   * value that is not an object, instead of creating it; the error names `label`. @default false
   */
  strict?: boolean;
  /** How the path is named in errors. @default the path */
  label?: string;
}

/**
 * A copy of `raw` with `value` at `path` (`params.rounds`, `agents[0].policy.model`, `agents.0.persona.age`).
 * Sweep conditions use it with typed values; `--set` with values parsed from text.
 */
export function setConfigPath(raw: unknown, path: string, value: unknown, options: SetConfigPathOptions = {}): unknown {
  const root = structuredClone(raw) as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g) ?? [];
  const label = options.label ?? path;
  if (!keys.length) throw ConfigError.at(label, 'expected a config path such as params.rounds or agents[0].policy.model');
  let node: Record<string, unknown> = root;
  keys.forEach((key, i) => {
    if (options.strict && Array.isArray(node)) {
      if (!/^\d+$/.test(key) || Number(key) >= node.length) {
        throw ConfigError.at(label, `${keys.slice(0, i).join('.')} has ${node.length} entries; "${key}" is not one of them`);
      }
    }
    if (i === keys.length - 1) node[key] = value;
    else {
      if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
        if (options.strict && node[key] !== undefined) throw ConfigError.at(label, `${keys.slice(0, i + 1).join('.')} is ${JSON.stringify(node[key])}, not an object`);
        node[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      }
      node = node[key] as Record<string, unknown>;
    }
  });
  return root;
}
