import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelRequest } from '../../src/models/model.js';
import { requestHash } from '../../src/models/request-hash.js';

const base: ModelRequest = {
  messages: [{ role: 'user', content: 'hi' }],
  sampling: { temperature: 0.5 },
  call: { agentId: 'a', turn: 1, purpose: 'act' },
};
const h = (changes: Partial<ModelRequest>) => requestHash({ ...base, ...changes });

describe('requestHash', () => {
  it('ignores the run id, role, signal and provider options', () => {
    const same = h({ call: { ...base.call, runId: 'r2', role: 'worker' }, signal: new AbortController().signal, providerOptions: { openai: { user: 'x' } } });
    expect(same).toBe(requestHash(base));
  });

  it('treats absent position and replicate as 0', () => {
    expect(h({ call: { ...base.call, position: 0, replicate: 0 } })).toBe(requestHash(base));
  });

  it('changes with messages, schema, sampling and every part of the call position', () => {
    const variants = [
      h({ messages: [{ role: 'user', content: 'hi!' }] }),
      h({ messages: [{ role: 'system', content: 'hi' }] }),
      h({ output: { schema: z.object({ a: z.number() }) } }),
      h({ output: { schema: z.object({ a: z.string() }) } }),
      h({ sampling: { temperature: 0.6 } }),
      h({ call: { ...base.call, agentId: 'b' } }),
      h({ call: { ...base.call, turn: 2 } }),
      h({ call: { ...base.call, purpose: 'judge' } }),
      h({ call: { ...base.call, position: 1 } }),
      h({ call: { ...base.call, replicate: 1 } }),
    ];
    expect(new Set([requestHash(base), ...variants]).size).toBe(variants.length + 1);
  });

  it('is stable across key order', () => {
    expect(h({ sampling: { topP: 1, temperature: 0.5 } })).toBe(h({ sampling: { temperature: 0.5, topP: 1 } }));
  });
});

describe('canonicalRequestJson', () => {
  it('equals the generic canonical JSON of the canonical request', async () => {
    const { canonicalJson } = await import('../../src/core/hash.js');
    const { canonicalRequest, canonicalRequestJson } = await import('../../src/models/request-hash.js');
    const request: ModelRequest = {
      messages: [{ role: 'system', content: 'x "quoted" \u00e9' }, { role: 'user', content: 'y' }],
      output: { schema: z.object({ b: z.number(), a: z.array(z.string()).optional() }), name: 'o' },
      sampling: { temperature: 0, stop: ['\n'], maxTokens: 3 },
      call: { agentId: 'a', turn: 2, purpose: 'act', position: 1, replicate: 3, runId: 'r' },
    };
    expect(canonicalRequestJson(request)).toBe(canonicalJson(canonicalRequest(request)));
    expect(canonicalRequestJson({ messages: [] })).toBe(canonicalJson(canonicalRequest({ messages: [] })));
  });
});
