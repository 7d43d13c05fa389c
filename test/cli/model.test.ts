import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'polis-cli-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, env: {}, cwd: dir } as CliIo & { out: string; err: string };
  io.stdout = (t) => { io.out += t; };
  io.stderr = (t) => { io.err += t; };
  return io;
}

describe('polis model', () => {
  it('make-tiny writes a random f16 model that inspect describes', async () => {
    const io = capture();
    expect(await runCli(['model', 'make-tiny', 'r.gguf', '--seed', '4', '--f16', '--embd', '32', '--layers', '2', '--heads', '4', '--ff', '96', '--vocab', '700'], io)).toBe(0);
    expect(io.out).toMatch(/wrote .*r\.gguf: random llama, \d+ parameters, vocab 700/);
    const json = capture();
    expect(await runCli(['model', 'inspect', 'r.gguf', '--json'], json)).toBe(0);
    const d = JSON.parse(json.out);
    expect(d.architecture).toBe('llama');
    expect(d.sizes).toEqual({ context: 512, embedding: 32, layers: 2, heads: 4, headsKv: 4, feedForward: 96 });
    expect(d.tokenizer).toEqual({ model: 'llama', vocabulary: 700, bos: 1, eos: 2, chatTemplate: true });
    expect(d.tensors).toHaveLength(2 + 9 * 2 + 1);
    expect(d.tensorTypes).toEqual({ f16: 2 + 7 * 2, f32: 2 * 2 + 1 });
    const text = capture();
    expect(await runCli(['model', 'inspect', 'r.gguf'], text)).toBe(0);
    expect(text.out).toContain('sizes: context 512, embedding 32, layers 2, heads 4 (kv 4), feed-forward 96');
    expect(text.out).toContain('token_embd.weight f16 [32, 700]');
  });

  it('make-tiny --designed writes the closed-form model', async () => {
    const io = capture();
    expect(await runCli(['model', 'make-tiny', 'd.gguf', '--designed', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ kind: 'designed', sizes: { embd: 32, layers: 1 } });
  });

  it('inspect of a malformed file exits 1 naming the file and the problem', async () => {
    writeFileSync(join(dir, 'bad.gguf'), 'GGUF\u0002\u0000\u0000\u0000');
    const io = capture();
    expect(await runCli(['model', 'inspect', 'bad.gguf'], io)).toBe(1);
    expect(io.err).toContain(join(dir, 'bad.gguf'));
    expect(io.err).toContain('unsupported GGUF version 2, expected 3');
    const missing = capture();
    expect(await runCli(['model', 'inspect', 'none.gguf'], missing)).toBe(1);
    expect(missing.err).toMatch(/none\.gguf: file not found/);
  });

  it('bad usage exits 2', async () => {
    const io = capture();
    expect(await runCli(['model', 'make-tiny', 'x.gguf', '--layers', 'two'], io)).toBe(2);
    expect(io.err).toContain("--layers must be a positive integer, got 'two'");
    expect(await runCli(['model', 'make-tiny', 'x.gguf', '--embd', '30', '--heads', '4'], capture())).toBe(2);
  });
});
