import { describe, expect, it } from 'vitest';
import { loadPrompt } from '../../../src/agents/prompt-template.js';

describe('judge prompt templates', () => {
  it.each(['judge-reference', 'judge-pointwise', 'judge-pairwise', 'judge-genprm', 'judge-sotopia-attribution', 'judge-subgoals'])('%s loads', (id) => {
    const t = loadPrompt(id);
    expect(t.id).toBe(id);
    expect(t.sections.map((s) => s.role)).toEqual(['system', 'user']);
  });
});
