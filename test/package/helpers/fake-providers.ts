// A local server that speaks the OpenAI chat.completions wire format and answers any request validly, so
// README commands that name an OpenAI model run offline through the real `openai` client
// (OPENAI_BASE_URL points the SDK here). A request with a JSON schema gets a seeded random instance of it
// (as the offline scripted model gives); a free-text one gets the last "Option X" its prompt offers (the
// repeated-games protocol), else "OK".
import { Rng } from '../../../src/core/rng.js';
import { randomInstance } from '../../../src/models/scripted/random-instance.js';
import { startServer, type ReceivedRequest, type TestServer } from '../../models/servers/http-server.js';
import { completion } from '../../models/servers/openai-wire.js';

interface ChatBody {
  messages?: Array<{ role: string; content: unknown }>;
  response_format?: { type?: string; json_schema?: { schema?: unknown } };
}

function answer(body: ChatBody, rng: Rng): string {
  const schema = body.response_format?.json_schema?.schema;
  if (schema) return JSON.stringify(randomInstance(schema, rng));
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const options = [...String(last?.content ?? '').matchAll(/Option (\w+)/g)];
  return options.length ? `Option ${options.at(-1)![1]}` : 'OK';
}

/** Starts the server; `url` is the base URL with `/v1`, as OPENAI_BASE_URL wants it. */
export async function startFakeOpenAI(): Promise<TestServer & { chatCalls: () => number }> {
  const rng = Rng.fromSeed(1);
  const server = await startServer((request: ReceivedRequest) => {
    if (request.method === 'POST' && request.path.endsWith('/chat/completions')) return completion(answer(request.body as ChatBody, rng));
    return { status: 404, body: { error: { message: `fake OpenAI server: no route ${request.method} ${request.path}`, type: 'not_found' } } };
  });
  return { ...server, url: `${server.url}/v1`, chatCalls: () => server.requests.filter((r) => r.path.endsWith('/chat/completions')).length };
}
