// examples/dialogues/assistant.yaml runs offline through the CLI and reports the game's metrics.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const example = join(import.meta.dirname, '../../../examples/dialogues/assistant.yaml');

describe('examples/dialogues/assistant.yaml', () => {
  it('runs offline and reports parse, Pareto-consistency, payoff, welfare and clarifying rates', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'polis-assistant-')), 'run');
    const { code, stderr } = await cli(['run', example, '--out', out, '--quiet']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.game).toBe('gtalign-assistant');
    // the same numbers as the protocol test: 6 conversations, 9 assistant turns
    expect(summary.metrics).toMatchObject({
      'assistant-turns': 9,
      'matrix-parse-rate': 1,
      'pareto-consistency-rate': 1,
      'clarify-rate:definite': 0,
      'clarify-rate:vague': 2 / 3,
      'satisfaction-rate': 1,
    });
    for (const k of ['user-payoff-mean', 'assistant-payoff-mean', 'welfare-mean', 'nsw']) expect(summary.metrics[k]).toBeGreaterThan(0);
  });
});
