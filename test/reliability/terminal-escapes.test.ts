// Agent text is hostile: nothing the CLI prints lets a model's answer retitle or clear the terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/core/terminal-text.js';
import { registerProvider } from '../../src/models/create-model.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { cli } from '../helpers/cli.js';

const HOSTILE = 'C \x1b]0;pwned title\x07\x1b[2J\x9b31m done';
// Any ESC, BEL, CSI (C1) or other control character except newline and tab.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('terminal safety', () => {
  it('escapeControl writes controls visibly and keeps newline and tab', () => {
    expect(escapeControl('a\x1b[2Jb\tc\nd\x07\x9b')).toBe('a\\u001b[2Jb\tc\nd\\u0007\\u009b');
  });

  it('replay --mode view, diff and errors print model text without control characters', async () => {
    registerProvider('hostile', () => new ScriptedClient({ fallback: { text: HOSTILE }, structuredOutput: false }));
    const dir = mkdtempSync(join(tmpdir(), 'polis-escape-'));
    const file = join(dir, 'run.yaml');
    // A discussion: the agents' messages are free text, shown as they were said.
    writeFileSync(file, "game: discussion\nagents:\n  - { id: a, policy: { model: 'hostile:x' } }\n  - { id: b, policy: { model: 'hostile:x' } }\n  - { id: c, policy: { model: 'hostile:x' } }\n");
    await cli(['run', file, '--out', join(dir, 'a'), '--quiet']);
    await cli(['run', file, '--out', join(dir, 'b'), '--quiet', '--seed', '9']);
    const outputs = [
      await cli(['replay', join(dir, 'a', 'trace.jsonl'), '--mode', 'view']),
      await cli(['diff', join(dir, 'a', 'trace.jsonl'), join(dir, 'b', 'trace.jsonl')]),
      await cli(['run', join(dir, 'nope\x1b[2J.yaml')]),
    ];
    const view = outputs[0]!.stdout;
    expect(view).toContain('\\u001b]0;pwned title\\u0007');
    for (const o of outputs) {
      expect(o.stdout).not.toMatch(CONTROL);
      expect(o.stderr).not.toMatch(CONTROL);
    }
    expect(outputs[2]!.stderr).toContain('nope\\u001b[2J.yaml');
  });
});
