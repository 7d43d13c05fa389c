// A fake OpenAI-wire provider on loopback that misbehaves on request: each chat call gets a fault from
// `faults` (a 429 storm, 5xx, a reset connection, a 200 whose body is unreadable) or a valid answer.
// Answers depend only on the request body (a schema request gets a random instance seeded by the body's
// hash), so two runs that ask the same questions get the same answers, whatever the order; a model whose
// id is in `slowModels` answers after a delay (the slow seat). It counts every request by body, so a test
// can tell whether a paid call was made twice.
import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Rng } from '../../../src/core/rng.js';
import { randomInstance } from '../../../src/models/scripted/random-instance.js';
import { completion } from '../../models/servers/openai-wire.js';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Destroy the socket without answering. */
  | { kind: 'reset' }
  /** A 200 with this body sent as is ('' for an empty body). */
  | { kind: 'unreadable'; body: string };

export interface FaultServerOptions {
  /** Model ids that answer after `slowMs`. */
  slowModels?: readonly string[];
  /** @default 1000 */
  slowMs?: number;
  /** The fault for the n-th chat request (0-based, counted over the server's life), or none. */
  faults?: (index: number, body: ChatBody) => Fault | undefined;
}

export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  response_format?: { json_schema?: { schema?: unknown } };
}

export interface ChatRequest {
  /** sha256 of the request's messages and schema: the identity of a paid question. */
  key: string;
  model: string;
  /** Whether a valid answer was sent back (a fault or a dropped connection is not one). */
  answered: boolean;
  answeredAt?: number;
}

export interface FaultServer {
  /** Base URL with `/v1`. */
  url: string;
  requests: ChatRequest[];
  /** Paid answers per question key. */
  answersFor(key: string): number;
  close(): Promise<void>;
}

export function answerFor(body: ChatBody): string {
  const schema = body.response_format?.json_schema?.schema;
  const seed = Number.parseInt(keyOf(body).slice(0, 8), 16);
  if (schema) return JSON.stringify(randomInstance(schema, Rng.fromSeed(seed)));
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const prompt = String(last?.content ?? '');
  if (prompt.includes('Answer: <number>')) return `Justification: seeded.\nAnswer: ${seed % 11}`;
  const options = [...prompt.matchAll(/Option (\w+)/g)].map((m) => m[1]);
  return options.length ? `Option ${options[seed % options.length]}` : 'OK';
}

function keyOf(body: ChatBody): string {
  return createHash('sha256').update(JSON.stringify([body.model, body.messages, body.response_format ?? null])).digest('hex');
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests: ChatRequest[] = [];
  const open = new Set<ServerResponse>();
  const slow = new Set(options.slowModels ?? []);
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      if (!req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no route"}}');
        return;
      }
      const body = JSON.parse(raw) as ChatBody;
      const entry: ChatRequest = { key: keyOf(body), model: body.model ?? '', answered: false };
      const index = requests.push(entry) - 1;
      const fault = options.faults?.(index, body);
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(JSON.stringify({ error: { message: `injected ${fault.status}`, type: 'server_error', code: null, param: null } }));
        return;
      }
      if (fault?.kind === 'unreadable') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(fault.body);
        return;
      }
      open.add(res);
      if (slow.has(entry.model)) await new Promise((r) => setTimeout(r, options.slowMs ?? 1000));
      if (res.destroyed || !open.has(res)) return;
      open.delete(res);
      const reply = completion(answerFor(body), { model: entry.model });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body), () => {
        entry.answered = true;
        entry.answeredAt = Date.now();
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answersFor: (key) => requests.filter((r) => r.key === key && r.answered).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
