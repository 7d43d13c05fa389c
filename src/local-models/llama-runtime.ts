// One llama.cpp instance per backend and one loaded model per file, shared by every client and scorer in
// the process: a GGUF's weights are loaded once however many agents use it. Every file is checked with
// our own GGUF reader first, because some malformed files make llama.cpp abort the process.
import { resolve } from 'node:path';
import createDebug from 'debug';
import { getLlama, LlamaLogLevel, type Llama, type LlamaModel } from 'node-llama-cpp';
import { InputError } from '../core/errors/input-error.js';
import { LocalModelError } from '../core/errors/local-model-error.js';
import { readGgufHeader, type GgufHeader } from './gguf/gguf-reader.js';

const debug = createDebug('polis:local-models');

/** Compute backend: `auto` picks cuda, then vulkan, then CPU; the others force one (no source builds). */
export type LocalGpu = 'auto' | 'cuda' | 'vulkan' | 'cpu';

export interface LocalRuntimeOptions {
  /** Backend to run on. @default 'auto' */
  gpu?: LocalGpu;
  /** Layers offloaded to the GPU: a count, `auto` (as many as fit) or `max`. Ignored on CPU. @default 'auto' */
  gpuLayers?: number | 'auto' | 'max';
}

export interface LoadedLocalModel {
  file: string;
  header: GgufHeader;
  llama: Llama;
  model: LlamaModel;
}

const llamas = new Map<LocalGpu, Promise<Llama>>();
const models = new Map<string, Promise<LoadedLocalModel>>();
let loads = 0;

export function getLocalLlama(gpu: LocalGpu = 'auto'): Promise<Llama> {
  let llama = llamas.get(gpu);
  if (!llama) {
    llama = getLlama({
      gpu: gpu === 'cpu' ? false : gpu,
      build: 'never',
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => debug('[%s] %s', level, message.trimEnd()),
    }).catch((error: unknown) => {
      llamas.delete(gpu);
      throw new LocalModelError('backend-unavailable', undefined, `no usable llama.cpp binary for gpu=${gpu}: ${(error as Error).message}`, { cause: error });
    });
    llamas.set(gpu, llama);
  }
  return llama;
}

/**
 * Threads for a context: on CPU the library default (4 here) oversubscribes small machines and runs
 * 20-1000x slower, so we default to 1 unless told otherwise; on a GPU we leave the library's choice.
 */
export function resolveThreads(llama: Llama, threads: number | undefined): number | undefined {
  if (threads !== undefined) return threads;
  return llama.gpu === false ? 1 : undefined;
}

/** Check a GGUF file with our reader; throws LocalModelError naming the file and the problem. */
export function checkModelFile(file: string): GgufHeader {
  try {
    return readGgufHeader(file);
  } catch (error) {
    if (error instanceof InputError) {
      const notFound = error.message.endsWith('file not found');
      throw new LocalModelError(notFound ? 'not-found' : 'malformed', file, notFound ? 'model file not found' : `malformed GGUF: ${error.message.replace(`${file}: `, '')}`, { cause: error });
    }
    throw error;
  }
}

/** The shared loaded model for `file` (loaded on first use). */
export function loadLocalModel(file: string, options: LocalRuntimeOptions = {}): Promise<LoadedLocalModel> {
  const path = resolve(file);
  const key = `${path}\u0000${options.gpu ?? 'auto'}\u0000${options.gpuLayers ?? 'auto'}`;
  let entry = models.get(key);
  if (!entry) {
    entry = (async () => {
      const header = checkModelFile(file);
      const llama = await getLocalLlama(options.gpu);
      try {
        loads++;
        const model = await llama.loadModel({ modelPath: path, gpuLayers: llama.gpu === false ? 0 : (options.gpuLayers ?? 'auto') });
        debug('loaded %s (%d tensors) on %s', path, header.tensors.length, llama.gpu || 'cpu');
        return { file, header, llama, model };
      } catch (error) {
        throw new LocalModelError('load-failed', file, `llama.cpp could not load the model: ${(error as Error).message}`, { cause: error });
      }
    })();
    entry.catch(() => models.delete(key));
    models.set(key, entry);
  }
  return entry;
}

/** How many times a model file has actually been loaded in this process (sharing check). */
export const localModelLoadCount = (): number => loads;

/** Unload every shared model (tests, benchmarks, shutdown). Clients holding them must not be used after. */
export async function disposeLocalModels(): Promise<void> {
  const all = [...models.values()];
  models.clear();
  for (const entry of all) {
    try {
      await (await entry).model.dispose();
    } catch {
      // a model that failed to load has nothing to dispose
    }
  }
}
