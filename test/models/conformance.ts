// The conformance suite every ModelClient adapter runs (see style.md #9): the same requests, the same
// expectations, whatever the provider behind the client.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AbortedError } from '../../src/core/errors/aborted-error.js';
import type { ModelClient, ModelRequest } from '../../src/models/model.js';
import { requestHash } from '../../src/models/request-hash.js';
import { withRecording } from '../../src/models/wrappers/with-recording.js';
import { recordCalls } from '../../src/testing/index.js';

/** The structured answer every conformance subject is asked for. */
export const conformanceSchema = z.object({ answer: z.string(), score: z.number().int().min(0).max(10) });
export const conformanceObject = { answer: 'yes', score: 7 };
/** Subjects whose `supportsSlow` is true take > 2 s to answer a request whose last message contains this. */
export const SLOW = 'SLOW';

export const conformanceRequests = {
  plain: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }] },
  structured: {
    messages: [{ role: 'user', content: 'Is it good? Give a score.' }],
    output: { schema: conformanceSchema, name: 'verdict' },
  },
  withContext: {
    messages: [{ role: 'user', content: 'Your move in round 3.' }],
    call: { runId: 'run-1', agentId: 'alice', role: 'worker', turn: 3, purpose: 'act', position: 1, replicate: 2 },
  },
} satisfies Record<string, ModelRequest>;

export interface ConformanceSubject {
  client: ModelClient;
  close?: () => Promise<void>;
  /** The subject can be made slow (see SLOW), so an abort mid-call can be tested. */
  supportsSlow?: boolean;
}

export function describeModelClientConformance(name: string, make: () => Promise<ConformanceSubject> | ConformanceSubject): void {
  describe(`${name} conforms to ModelClient`, () => {
    const withSubject = (fn: (s: ConformanceSubject) => Promise<void>) => async () => {
      const subject = await make();
      try {
        await fn(subject);
      } finally {
        await subject.close?.();
      }
    };

    it('declares the v1 contract', withSubject(async ({ client }) => {
      expect(client.specificationVersion).toBe('v1');
      expect(client.provider).toMatch(/\w/);
      expect(client.modelId).toMatch(/\w/);
      expect(typeof client.capabilities.structuredOutput).toBe('boolean');
    }));

    it('answers a plain request with text', withSubject(async ({ client }) => {
      const response = await client.generate(conformanceRequests.plain);
      expect(response.text.length).toBeGreaterThan(0);
      expect(response.object).toBeUndefined();
      expect(response.finishReason).toBe('stop');
      expect(response.attempts.length).toBeGreaterThanOrEqual(1);
    }));

    it('returns a schema-valid object for a structured request', withSubject(async ({ client }) => {
      const response = await client.generate(conformanceRequests.structured);
      expect(conformanceSchema.parse(response.object)).toEqual(response.object);
    }));

    it('reports non-negative integer usage', withSubject(async ({ client }) => {
      const { usage } = await client.generate(conformanceRequests.plain);
      for (const n of [usage.inputTokens, usage.outputTokens, usage.cachedInputTokens, usage.reasoningTokens]) {
        expect(Number.isInteger(n) && n >= 0).toBe(true);
      }
      expect(usage.inputTokens + usage.outputTokens).toBeGreaterThan(0);
    }));

    it('passes the call context through to the record and does not mutate the request', withSubject(async ({ client }) => {
      const { records, onCall } = recordCalls();
      const request = structuredClone(conformanceRequests.withContext);
      await withRecording(client, { onCall }).generate(request);
      expect(request).toEqual(conformanceRequests.withContext);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        agent: 'alice',
        call: { turn: 3, purpose: 'act', position: 1, replicate: 2, role: 'worker' },
        requestHash: requestHash(conformanceRequests.withContext),
      });
    }));

    it('rejects with AbortedError when the signal is already aborted', withSubject(async ({ client }) => {
      const controller = new AbortController();
      controller.abort();
      await expect(client.generate({ ...conformanceRequests.plain, signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
    }));

    it('stops a slow call when the signal aborts', withSubject(async ({ client, supportsSlow }) => {
      if (!supportsSlow) return;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      const started = performance.now();
      await expect(
        client.generate({ messages: [{ role: 'user', content: `Take your time. ${SLOW}` }], signal: controller.signal }),
      ).rejects.toBeInstanceOf(AbortedError);
      expect(performance.now() - started).toBeLessThan(1500);
    }));
  });
}
