// Prompt templates: one file per template in prompts/, versioned, with declared variables.
//
//   ---
//   id: matrix-player
//   version: 1
//   variables: [rules, history, question]
//   ---
//   [system]
//   {{rules}}
//   [user]
//   {{history}}
//   {{question}}
//
// `{{name}}` is replaced by the variable's value. Every used variable must be declared and every declared
// variable must be given, so a renamed variable fails loudly instead of rendering an empty prompt.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/errors/input-error.js';
import { sha256 } from '../core/hash.js';
import type { ChatMessage } from '../models/model.js';

/** The repository's prompts/ folder. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const headerSchema = z.object({
  id: z.string().min(1),
  version: z.union([z.number().int(), z.string()]).transform(String),
  variables: z.array(z.string()).default([]),
  description: z.string().optional(),
});

export interface PromptTemplate {
  id: string;
  version: string;
  variables: string[];
  /** sha256 of the file's text, recorded in trace headers. */
  hash: string;
  sections: Array<{ role: ChatMessage['role']; text: string }>;
}

const cache = new Map<string, PromptTemplate>();

/** Load `prompts/<id>.md` (cached). */
export function loadPrompt(id: string, dir: string = PROMPTS_DIR): PromptTemplate {
  const file = `${dir.endsWith('/') ? dir : `${dir}/`}${id}.md`;
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`prompt template "${id}" not found`, { file }, { cause: error });
  }
  const template = parsePrompt(text, file);
  if (template.id !== id) throw new InputError(`template declares id "${template.id}", expected "${id}"`, { file, line: 2, field: 'id' });
  cache.set(file, template);
  return template;
}

export function parsePrompt(text: string, file = '<prompt>'): PromptTemplate {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new InputError('expected a front matter block between --- lines', { file, line: 1 });
  const header = headerSchema.safeParse(parseYaml(match[1] as string));
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new InputError(issue?.message ?? 'invalid front matter', { file, field: issue?.path.join('.') ?? '' });
  }
  const body = match[2] as string;
  const sections: PromptTemplate['sections'] = [];
  const parts = body.split(/^\[(system|user|assistant)\]\s*$/m);
  if ((parts[0] ?? '').trim() !== '') throw new InputError('text before the first [system]/[user] marker', { file });
  for (let i = 1; i < parts.length; i += 2) {
    sections.push({ role: parts[i] as ChatMessage['role'], text: (parts[i + 1] ?? '').replace(/^\n/, '').replace(/\n+$/, '') });
  }
  if (sections.length === 0) throw new InputError('no [system] or [user] section', { file });
  const declared = new Set(header.data.variables);
  for (const s of sections) {
    for (const [, name] of s.text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
      if (!declared.has(name as string)) throw new InputError(`variable {{${name}}} is used but not declared`, { file, field: 'variables' });
    }
  }
  return { ...header.data, hash: sha256(text), sections };
}

/** Render a template to chat messages. Empty sections (after substitution) are dropped. */
export function renderPrompt(template: PromptTemplate, vars: Record<string, string | number>): ChatMessage[] {
  for (const name of template.variables) {
    if (!(name in vars)) throw new TypeError(`prompt ${template.id}@${template.version}: variable "${name}" not given`);
  }
  const out: ChatMessage[] = [];
  for (const s of template.sections) {
    const content = s.text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => String(vars[name]));
    if (content.trim() !== '') out.push({ role: s.role, content });
  }
  return out;
}

/** Hashes of every template loaded so far, for the trace header. */
export function loadedPromptHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of cache.values()) out[`${t.id}@${t.version}`] = t.hash;
  return out;
}
