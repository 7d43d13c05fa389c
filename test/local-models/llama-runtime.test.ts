import { describe, expect, it } from 'vitest';
import { LocalModelError } from '../../src/core/errors/local-model-error.js';
import { getLocalLlama, resolveThreads } from '../../src/local-models/llama-runtime.js';

describe('backend selection', () => {
  it('gpu "cpu" forces the CPU backend and threads default to 1 there', async () => {
    const llama = await getLocalLlama('cpu');
    expect(llama.gpu).toBe(false);
    expect(resolveThreads(llama, undefined)).toBe(1);
    expect(resolveThreads(llama, 3)).toBe(3);
  });

  it('gpu "cuda" either runs on CUDA or fails with a classified error (never builds from source)', async () => {
    try {
      const llama = await getLocalLlama('cuda');
      expect(llama.gpu).toBe('cuda');
    } catch (error) {
      expect(error).toBeInstanceOf(LocalModelError);
      expect((error as LocalModelError).problem).toBe('backend-unavailable');
      expect((error as Error).message).toContain('gpu=cuda');
    }
  });
});
