// A chat.completions server for the benchmark: answers after a fixed latency and enforces a request
// rate with a token bucket (capacity one window's worth, refilled continuously, the way OpenAI describes
// its limits), answering 429 with retry-after-ms / retry-after when the bucket is empty.
// It runs in a worker thread so that its clock, like a real provider's, is not the client's event loop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface RateLimitedServer {
  url: string;
  stats: { accepted: number; rejected: number; maxInFlight: number };
  close(): Promise<void>;
}

async function serve(options: { latencyMs: number; requestsPerWindow: number; windowMs: number }): Promise<RateLimitedServer> {
  const stats = { accepted: 0, rejected: 0, maxInFlight: 0 };
  const ratePerMs = options.requestsPerWindow / options.windowMs;
  let tokens = options.requestsPerWindow;
  let refilledAt = performance.now();
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const now = performance.now();
      tokens = Math.min(options.requestsPerWindow, tokens + (now - refilledAt) * ratePerMs);
      refilledAt = now;
      if (tokens < 1) {
        stats.rejected++;
        const waitMs = Math.ceil((1 - tokens) / ratePerMs);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': String(waitMs), 'retry-after': String(Math.ceil(waitMs / 1000)) });
        res.end(JSON.stringify({ error: { message: 'rate limited', type: 'rate_limit_error' } }));
        return;
      }
      tokens -= 1;
      stats.accepted++;
      stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'b', object: 'chat.completion', created: 1, model: 'bench-model',
            choices: [{ index: 0, message: { role: 'assistant', content: 'ok', refusal: null }, finish_reason: 'stop', logprobs: null }],
            usage: { prompt_tokens: 20, completion_tokens: 1, total_tokens: 21 },
          }),
        );
      }, options.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface RateLimitedServerOptions {
  latencyMs: number;
  requestsPerWindow: number;
  windowMs: number;
}

/** Starts the server in a worker thread; `close()` resolves after the worker reports its final stats. */
export async function startRateLimitedServer(options: RateLimitedServerOptions): Promise<RateLimitedServer> {
  // The worker loads this TypeScript file through tsx's loader API.
  const boot = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  const stats = { accepted: 0, rejected: 0, maxInFlight: 0 };
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { url: string }) => resolve(m.url));
    worker.once('error', reject);
  });
  return {
    url,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('message', (m: { stats: typeof stats }) => {
          Object.assign(stats, m.stats);
          void worker.terminate().then(() => resolve());
        });
        worker.postMessage('close');
      }),
  };
}

if (!isMainThread && workerData) {
  const server = await serve(workerData as RateLimitedServerOptions);
  parentPort?.postMessage({ url: server.url });
  parentPort?.on('message', async () => {
    const stats = { ...server.stats };
    await server.close();
    parentPort?.postMessage({ stats });
  });
}
