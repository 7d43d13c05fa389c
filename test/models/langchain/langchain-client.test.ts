import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LangChainClient } from '../../../src/models/langchain/langchain-client.js';
import { conformanceObject, describeModelClientConformance, SLOW } from '../conformance.js';
import { ToolEchoChatModel } from './tool-echo-chat-model.js';

describeModelClientConformance('langchain', () => ({
  client: new LangChainClient(new ToolEchoChatModel({ text: 'Hello there.', toolArgs: conformanceObject, slowMarker: SLOW })),
  supportsSlow: true,
}));

describe('LangChainClient', () => {
  it('maps roles to LangChain messages and usage_metadata to usage', async () => {
    const model = new ToolEchoChatModel({ text: 'fine', toolArgs: {} });
    const r = await new LangChainClient(model).generate({
      messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'u2' }],
    });
    expect(model.seen[0]!.map((m) => m.getType())).toEqual(['system', 'human', 'ai', 'human']);
    expect(r.usage).toEqual({ inputTokens: 9, outputTokens: 4, cachedInputTokens: 2, reasoningTokens: 1 });
    expect(r.modelId).toBe('tool-echo');
  });

  it('uses withStructuredOutput for a schema and reports a forced tool call as a normal stop', async () => {
    const client = new LangChainClient(new ToolEchoChatModel({ text: '', toolArgs: { price: 12 } }));
    const r = await client.generate({ messages: [{ role: 'user', content: 'price?' }], output: { schema: z.object({ price: z.number() }), name: 'quote' } });
    expect(r.object).toEqual({ price: 12 });
    expect(r.text).toBe('{"price":12}');
    expect(r.finishReason).toBe('stop');
  });

  it('leaves object undefined when the tool arguments fail the schema', async () => {
    const client = new LangChainClient(new ToolEchoChatModel({ text: '', toolArgs: { price: 'lots' } }));
    const r = await client.generate({ messages: [{ role: 'user', content: 'price?' }], output: { schema: z.object({ price: z.number() }) } });
    expect(r.object).toBeUndefined();
  });
});
