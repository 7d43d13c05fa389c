// Bodies in the OpenAI chat.completions wire format.
import type { Reply } from './http-server.js';

export function completion(
  content: string | null,
  options: { finish?: string; refusal?: string; usage?: Record<string, unknown>; model?: string } = {},
): Reply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1,
      model: options.model ?? 'gpt-test',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: options.refusal ?? null },
          finish_reason: options.finish ?? 'stop',
          logprobs: null,
        },
      ],
      usage: options.usage ?? {
        prompt_tokens: 12,
        completion_tokens: 5,
        total_tokens: 17,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 2 },
      },
    },
  };
}

export function openaiError(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { message: `status ${status}`, type: 'test_error', code: null, param: null } } };
}
