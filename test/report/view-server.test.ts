// `polis view`'s server in headless Chromium: the first page of a run's transcript, paging, the tail of a
// trace that grows while it is open, and a sweep served live.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from '../../src/report/server/view-server.js';
import type { NewTraceEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { TraceWriter } from '../../src/traces/trace-writer.js';
import { cli } from '../helpers/cli.js';
import { chartInk, launchBrowser, openPage } from './browser.js';
import { quickstartRun, smallSweep, tempDir } from './fixtures.js';

let browser: Browser;
let dir: string;
let run: string;
const servers: ViewServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  dir = tempDir('polis-view-');
  run = await quickstartRun(dir);
}, 60_000);
afterAll(async () => {
  for (const s of servers) await s.close();
  await browser?.close();
});

async function serve(paths: string[], pageSize?: number): Promise<string> {
  const server = await startViewServer({ paths, ...(pageSize ? { pageSize } : {}) });
  servers.push(server);
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  return server.url;
}

describe('polis view in Chromium', () => {
  it('shows the first page of a run, pages forward, and draws the charts', async () => {
    const { events } = await readTrace(join(run, 'trace.jsonl'));
    const url = await serve([run], 20);
    const { page, errors } = await openPage(browser, url);
    await page.waitForSelector('#entries[data-page="0"] .entry');
    await expect.poll(async () => (await chartInk(page))['cumulative payoff per agent'] ?? 0).toBeGreaterThan(100);
    expect(await page.locator('#position').textContent()).toContain(`page 1 of ${Math.ceil(events.length / 20)}`);
    const first = await page.locator('#entries .entry').first().getAttribute('data-seq');
    expect(Number(first)).toBeLessThan(20);
    await page.click('button[data-go="next"]');
    await page.waitForSelector('#entries[data-page="1"]');
    const seqs = (await page.locator('#entries .entry').evaluateAll((n) => n.map((e) => Number(e.getAttribute('data-seq')))));
    expect(seqs.length).toBeGreaterThan(0);
    for (const s of seqs) expect(s >= 20 && s < 40).toBe(true);
    await page.locator('#entries .entry .prompt summary').first().click();
    expect(await page.locator('#entries .entry .prompt pre').first().textContent()).toMatch(/\S/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tails a trace that grows while it is open', async () => {
    const { header, events } = await readTrace(join(run, 'trace.jsonl'));
    const live = join(dir, 'live.jsonl');
    const writer = TraceWriter.create(live, header);
    const body = events.filter((e) => e.type !== 'text');
    const strip = (e: (typeof events)[number]) => {
      const { seq: _s, ...rest } = e;
      return rest as NewTraceEvent;
    };
    const half = Math.floor(body.length / 2);
    for (const e of body.slice(0, half)) writer.append(strip(e));
    const url = await serve([live], 1000);
    const { page, errors } = await openPage(browser, url);
    await page.waitForSelector('#entries[data-page="0"] .entry');
    await page.check('#follow');
    const before = await page.locator('#entries .entry').count();
    for (const e of body.slice(half)) writer.append(strip(e));
    writer.append({ type: 'message', time: 99, from: 'alice', to: 'all', channel: 'public', content: 'appended while viewing' });
    writer.close();
    await expect.poll(() => page.locator('#entries pre.message').textContent(), { timeout: 10_000 }).toBe('appended while viewing');
    expect(await page.locator('#entries .entry').count()).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves a sweep and two runs side by side', async () => {
    const sweep = await smallSweep(dir);
    const s = await openPage(browser, await serve([sweep]));
    await s.page.waitForSelector('td.cell');
    expect(await s.page.locator('td.cell').count()).toBe(4);
    expect(s.errors).toEqual([]);
    await s.page.close();
    const p = await openPage(browser, await serve([run, join(sweep, 'defector/seed-1')]));
    await p.page.waitForSelector('.divergence');
    expect(await p.page.locator('table').first().textContent()).toContain('payoffs.bob');
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it('polis view (the built CLI) prints its 127.0.0.1 URL, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/polis.js'), 'view', run], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^polis view: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]!);
      });
      child.once('exit', (code) => fail(new Error(`exited ${code}`)));
    });
    const info = (await (await fetch(`${url}api/info`)).json()) as { kind: string; events: number };
    expect(info.kind).toBe('run');
    expect(info.events).toBeGreaterThan(0);
    const exit = new Promise<number | null>((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a bad port and more than two paths (exit 2)', async () => {
    expect((await cli(['view', run, '--port', 'x'])).code).toBe(2);
    expect((await cli(['view', run, run, run])).code).toBe(2);
  });
});
