// The optional native scoring accelerator (native/polis-scorer.c, built at install time by native/build.mjs
// against the llama.cpp that node-llama-cpp ships). Loaded through the optional-peer mechanism; when it is
// absent, was built against another llama.cpp, or fails to load, local scoring falls back to the
// node-llama-cpp path and one notice line says why (once per process).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPeer } from '../core/optional-peer.js';

/** Jobs: `tokens` concatenated, `offsets` (jobs + 1) into it, `firsts[j]` = index in job j of its first scored token. */
export interface NativeScorerBinding {
  readonly llamaCppTag: string;
  open(file: string, threads: number, contextPerSequence: number, sequences: number, gpuLayers: number): NativeHandle;
  /** mode 0: log-probs of scored tokens; 1: logits at scored positions, no readout (fwdAll); 2: logits at each job's last token only (fwd0). */
  run(handle: NativeHandle, tokens: Int32Array, offsets: Int32Array, firsts: Int32Array, mode: 0 | 1 | 2, topK: number): Promise<NativeRunResult>;
}
export type NativeHandle = { readonly __native: unique symbol };
export interface NativeRunResult {
  logprobs: Float64Array;
  topIds?: Int32Array;
  topLogprobs?: Float64Array;
}

export type NativeScorerStatus = { loaded: true; binding: NativeScorerBinding; llamaCpp: string } | { loaded: false; notice: string };

/** native/ relative to this module: src/local-models/ and dist/local-models/ both sit two levels down. */
export const NATIVE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'native');

let status: Promise<NativeScorerStatus> | undefined;
let noticed = false;

/**
 * The accelerator, or why not (one notice line on stderr the first time it is unavailable).
 * `POLIS_NATIVE_SCORER=0` turns it off; `POLIS_NATIVE_DIR` points at another native/ folder.
 */
export function nativeScorer(): Promise<NativeScorerStatus> {
  const dir = process.env.POLIS_NATIVE_DIR ?? NATIVE_DIR;
  status ??= importPeer({ peer: 'node-llama-cpp', feature: 'the native scoring accelerator', load: () => loadNative(dir) })
    .catch((error: unknown): NativeScorerStatus => ({ loaded: false, notice: `failed to load (${(error as Error).message.split('\n')[0]})` }))
    .then((s) => {
      if (!s.loaded && !noticed && s.notice !== 'turned off by POLIS_NATIVE_SCORER=0') {
        noticed = true;
        console.warn(`polis: native scoring accelerator not used: ${s.notice}; scoring through node-llama-cpp (slower). Rebuild with \`npm run build:native\`.`);
      }
      return s;
    });
  return status;
}

/** Forget the cached status (tests). */
export function resetNativeScorer(): void {
  status = undefined;
  noticed = false;
}

/** Load and check the accelerator built in `dir`; never throws for an expected absence or mismatch. */
export async function loadNative(dir: string): Promise<NativeScorerStatus> {
  if (process.env.POLIS_NATIVE_SCORER === '0') return { loaded: false, notice: 'turned off by POLIS_NATIVE_SCORER=0' };
  const record = join(dir, 'build', 'polis-scorer.json');
  const addon = join(dir, 'build', 'Release', 'polis_scorer.node');
  if (!existsSync(record) || !existsSync(addon)) return { loaded: false, notice: `not built (no ${addon})` };
  const built = JSON.parse(readFileSync(record, 'utf8')) as { llamaCpp?: string; nodeLlamaCpp?: string };
  const require = createRequire(import.meta.url);
  const root = (require.resolve.paths('node-llama-cpp') ?? []).map((d) => join(d, 'node-llama-cpp')).find((d) => existsSync(join(d, 'package.json')));
  if (!root) return { loaded: false, notice: 'node-llama-cpp not found' };
  const installed = (JSON.parse(readFileSync(join(root, 'llama', 'llama.cpp.info.json'), 'utf8')) as { tag: string }).tag;
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  if (built.llamaCpp !== installed || built.nodeLlamaCpp !== version) {
    return { loaded: false, notice: `built against llama.cpp ${built.llamaCpp} (node-llama-cpp ${built.nodeLlamaCpp}), installed is ${installed} (node-llama-cpp ${version})` };
  }
  // node-llama-cpp must be loaded first: it registers the llama.cpp backends our addon's model uses
  await import('node-llama-cpp');
  const binding = require(addon) as NativeScorerBinding;
  if (binding.llamaCppTag !== installed) return { loaded: false, notice: `the binary reports llama.cpp ${binding.llamaCppTag}, installed is ${installed}` };
  return { loaded: true, binding, llamaCpp: installed };
}
