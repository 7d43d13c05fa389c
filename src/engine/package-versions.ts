// Versions of the packages that can change results, for trace headers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const NAMES = ['openai', '@anthropic-ai/sdk', '@langchain/core', 'node-llama-cpp', 'zod'];

let cached: Record<string, string> | undefined;

export function packageVersions(): Record<string, string> {
  if (cached) return cached;
  cached = { node: process.versions.node };
  for (const name of NAMES) {
    try {
      cached[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // not installed: nothing to record
    }
  }
  return cached;
}
