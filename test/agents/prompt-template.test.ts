import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR, loadPrompt, parsePrompt, renderPrompt } from '../../src/agents/prompt-template.js';

describe('prompt templates', () => {
  it('render declared variables into system and user messages', () => {
    const t = parsePrompt('---\nid: t\nversion: 2\nvariables: [who, what]\n---\n[system]\nYou are {{who}}.\n[user]\nDo {{ what }} now.\n');
    expect(t.version).toBe('2');
    expect(renderPrompt(t, { who: 'Ada', what: 'it' })).toEqual([
      { role: 'system', content: 'You are Ada.' },
      { role: 'user', content: 'Do it now.' },
    ]);
    expect(() => renderPrompt(t, { who: 'Ada' })).toThrow(/variable "what" not given/);
  });

  it('reject undeclared variables and missing front matter with the file named', () => {
    expect(() => parsePrompt('---\nid: t\nversion: 1\nvariables: []\n---\n[user]\n{{oops}}\n', 'p.md')).toThrow(/p\.md: variable \{\{oops\}\} is used but not declared/);
    expect(() => parsePrompt('[user]\nhi\n', 'q.md')).toThrow(/q\.md:line 1: expected a front matter block/);
  });

  it('every shipped template parses and declares the id of its file name', () => {
    const ids = readdirSync(PROMPTS_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(loadPrompt(id).id).toBe(id);
  });
});
