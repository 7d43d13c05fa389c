// Where cached responses live: in memory, or on disk as one JSON file per key under a two-character
// fan-out directory, written to a temporary name and renamed so a crash never leaves half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelResponse } from '../model.js';

export interface CacheStore {
  get(key: string): Promise<ModelResponse | undefined>;
  set(key: string, response: ModelResponse): Promise<void>;
}

/** Keeps entries as JSON text: a hit can never share objects with the caller, as on disk. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, string>();
  get size(): number {
    return this.entries.size;
  }
  async get(key: string): Promise<ModelResponse | undefined> {
    const hit = this.entries.get(key);
    return hit === undefined ? undefined : (JSON.parse(hit) as ModelResponse);
  }
  async set(key: string, response: ModelResponse): Promise<void> {
    this.entries.set(key, JSON.stringify(response));
  }
}

export class DiskCacheStore implements CacheStore {
  private counter = 0;
  constructor(
    /** The cache directory; created on first write. */
    readonly dir: string,
  ) {}

  pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ModelResponse | undefined> {
    try {
      return JSON.parse(await readFile(this.pathOf(key), 'utf8')) as ModelResponse;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A corrupt entry is a miss: the call is made again and the entry rewritten.
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  async set(key: string, response: ModelResponse): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${this.counter++}.tmp`;
    await writeFile(tmp, JSON.stringify(response));
    await rename(tmp, path);
  }
}
