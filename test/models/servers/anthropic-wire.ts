// Bodies in the Anthropic messages wire format.
import type { Reply } from './http-server.js';

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown };

export function message(content: Block[], options: { stop?: string; usage?: Record<string, unknown>; model?: string } = {}): Reply {
  return {
    body: {
      id: 'msg_test',
      type: 'message',
      role: 'assistant',
      model: options.model ?? 'claude-test',
      content,
      stop_reason: options.stop ?? 'end_turn',
      stop_sequence: null,
      usage: options.usage ?? { input_tokens: 10, output_tokens: 6, cache_read_input_tokens: 3, cache_creation_input_tokens: 0 },
    },
  };
}

export const textMessage = (text: string, options: Parameters<typeof message>[1] = {}): Reply => message([{ type: 'text', text }], options);

export const toolMessage = (name: string, input: unknown): Reply =>
  message([{ type: 'tool_use', id: 'toolu_1', name, input }], { stop: 'tool_use' });

export function anthropicError(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { type: 'error', error: { type: 'test_error', message: `status ${status}` } } };
}
