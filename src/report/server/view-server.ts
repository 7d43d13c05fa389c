// `polis view`: the report's views served live from disk (node:http on 127.0.0.1). A run's trace is
// opened with TracePages (an index of line offsets, built by streaming): the transcript is served a page
// of events at a time and charts come from a background pass, so a 1 GB trace opens without being read
// into memory. Each /api/info call indexes what was appended since (tailing a running trace).
// Sweeps and pairs of runs are rebuilt from disk on each /api/view.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { TracePages } from '../../traces/trace-pages.js';
import { buildView } from '../build-view.js';
import type { LiveInfo, LivePage } from '../report-data.js';
import { renderReportHtml } from '../render-html.js';
import { RunViewBuilder, traceFileOf } from '../run-view.js';
import { isSweepDir } from '../sweep-view.js';

export interface ViewServerOptions {
  /** A run directory, trace file or sweep directory; or two runs side by side. */
  paths: readonly string[];
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** Events per transcript page. @default 200 */
  pageSize?: number;
  /** Resolves relative paths. @default process.cwd() */
  cwd?: string;
}

export interface ViewServer {
  url: string;
  close(): Promise<void>;
}

/** Events the background pass folds into the charts before yielding to requests. */
const SUMMARY_SLICE = 2000;

export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths.map((p) => resolve(cwd, p));
  const pageSize = options.pageSize ?? 200;
  const source = options.paths.join(' vs ');
  const run = paths.length === 1 && !isSweepDir(paths[0]!) ? await RunSource.open(traceFileOf(paths[0]!), options.paths[0]!) : undefined;
  const kind: LiveInfo['kind'] = run ? 'run' : paths.length > 1 ? 'pair' : 'sweep';
  const page = await renderReportHtml({ kind: 'live', api: '/api' }, `Polis view: ${source}`, true);

  const routes = async (url: URL, res: ServerResponse): Promise<void> => {
    if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page);
    if (url.pathname === '/api/info') {
      const events = run ? await run.refresh() : 0;
      return json(res, { kind, source, events, pageSize } satisfies LiveInfo);
    }
    if (url.pathname === '/api/view' && !run) return json(res, await buildView(options.paths, cwd));
    if (url.pathname === '/api/summary' && run) return json(res, run.summary());
    const m = /^\/api\/page\/(\d+)$/.exec(url.pathname);
    if (m && run) return json(res, run.page(Number(m[1]), pageSize));
    return send(res, 404, 'text/plain', 'not found');
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    routes(new URL(req.url ?? '/', 'http://localhost'), res).catch((e: unknown) => send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e)));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      run?.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** One trace: its page index and the charts' builder, fed in slices in the background. */
class RunSource {
  private fed = 0;
  private feeding = false;
  private closed = false;

  private constructor(
    private readonly pages: TracePages,
    private readonly builder: RunViewBuilder,
  ) {}

  static async open(file: string, source: string): Promise<RunSource> {
    const pages = await TracePages.open(file);
    const builder = new RunViewBuilder(source, { transcript: false });
    builder.header(pages.header());
    const run = new RunSource(pages, builder);
    run.feed();
    return run;
  }

  async refresh(): Promise<number> {
    const n = await this.pages.refresh();
    this.feed();
    return n;
  }

  summary() {
    return this.builder.view();
  }

  page(n: number, size: number): LivePage {
    const from = n * size;
    const to = Math.min(from + size, this.pages.count);
    const builder = new RunViewBuilder('');
    builder.header(this.pages.header());
    for (const e of this.pages.events(from, to)) builder.event(e);
    return { page: n, from, to, entries: builder.view().transcript };
  }

  close(): void {
    this.closed = true;
    this.pages.close();
  }

  private feed(): void {
    if (this.feeding || this.closed || this.fed >= this.pages.count) return;
    this.feeding = true;
    const step = () => {
      if (this.closed) return;
      const to = Math.min(this.fed + SUMMARY_SLICE, this.pages.count);
      for (const e of this.pages.events(this.fed, to)) this.builder.event(e);
      this.fed = to;
      if (this.fed < this.pages.count) setImmediate(step);
      else this.feeding = false;
    };
    setImmediate(step);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json', JSON.stringify(value));
}
