// A LangChain chat model for tests: answers text, or (with tools bound) calls the first tool with a
// fixed argument object; reports usage_metadata; honours abort signals; hangs on a SLOW prompt.
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';

export class ToolEchoChatModel extends BaseChatModel {
  tools: Array<{ function?: { name: string }; name?: string }> = [];
  readonly seen: BaseMessage[][] = [];

  constructor(
    private readonly answer: { text: string; toolArgs: Record<string, unknown>; slowMarker?: string },
    params: BaseChatModelParams = {},
  ) {
    super(params);
  }

  _llmType(): string {
    return 'tool-echo';
  }

  override bindTools(tools: unknown[]): any {
    const bound = new ToolEchoChatModel(this.answer);
    bound.tools = tools as ToolEchoChatModel['tools'];
    return bound;
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    this.seen.push(messages);
    const last = String(messages.at(-1)?.content ?? '');
    if (this.answer.slowMarker && last.includes(this.answer.slowMarker)) {
      await new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(new Error('AbortError')), { once: true }));
    }
    const usage_metadata = { input_tokens: 9, output_tokens: 4, total_tokens: 13, input_token_details: { cache_read: 2 }, output_token_details: { reasoning: 1 } };
    const tool = this.tools[0];
    const message = tool
      ? new AIMessage({ content: '', tool_calls: [{ name: tool.function?.name ?? tool.name ?? 'output', args: this.answer.toolArgs, id: 'call_1' }], usage_metadata, response_metadata: { finish_reason: 'tool_calls' } })
      : new AIMessage({ content: this.answer.text, usage_metadata, response_metadata: { finish_reason: 'stop' } });
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }
}
