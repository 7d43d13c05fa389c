// `polis report` output opened from disk in headless Chromium: charts paint, transcripts show their
// prompts, no console errors, and hostile agent text stays inert text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { chartInk, launchBrowser, openPage } from './browser.js';
import { HOSTILE, hostileRun, quickstartRun, smallSweep, tempDir } from './fixtures.js';

let browser: Browser;
let dir: string;
let run: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = tempDir();
  run = await quickstartRun(dir);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function report(args: string[]): Promise<string> {
  const r = await cli(['report', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const file = /^wrote (.+) \(/.exec(r.stdout)![1]!;
  expect(existsSync(file)).toBe(true);
  return file;
}

describe('polis report in Chromium', () => {
  it('a run: payoff chart painted, a transcript entry with its exact prompt, raw answer and action', async () => {
    const file = await report([run]);
    expect(file).toBe(join(run, 'report.html'));
    const { page, errors } = await openPage(browser, pathToFileURL(file).href);
    const ink = await chartInk(page);
    expect(ink['cumulative payoff per agent']).toBeGreaterThan(100);
    const entry = page.locator('.entry[data-seq]').first();
    await entry.locator('summary').click();
    const prompt = await entry.locator('.prompt pre').allTextContents();
    expect(prompt.join('\n')).toContain('Alice');
    expect(prompt.join('\n')).toMatch(/prisoner|cooperate|C\b/i);
    expect(await entry.locator('.raw').textContent()).toMatch(/\S/);
    expect(await entry.locator('.action').textContent()).toMatch(/^"[CD]"$/);
    expect(await entry.locator('.model').textContent()).toBe('scripted/random');
    expect(await entry.locator('.head').textContent()).toMatch(/cache off.*tokens.*\$0/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a sweep: cell grid, bands over rounds per condition, comparison table', async () => {
    const sweep = await smallSweep(dir);
    const file = await report([sweep, '--out', join(dir, 'sweep.html')]);
    const { page, errors } = await openPage(browser, pathToFileURL(file).href);
    expect(await page.locator('td.cell').count()).toBe(4);
    expect(await page.locator('td.cell.status-completed').count()).toBe(4);
    const ink = await chartInk(page);
    expect(ink['mean payoff']).toBeGreaterThan(100);
    const comparison = await page.locator('section:has(> h2:text("Comparison")) table').textContent();
    expect(comparison).toContain('defector - tit-for-tat');
    // Switching the main metric redraws the grid with that metric's values.
    const before = await page.locator('td.cell b').allTextContents();
    const options = await page.locator('#main-metric option').allTextContents();
    await page.selectOption('#main-metric', options[options.length - 1]!);
    expect(await page.locator('td.cell b').allTextContents()).not.toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hostile agent text (script, img onerror, a closing tag, terminal escapes) is shown as text and never runs', async () => {
    const hostile = await hostileRun(run, dir);
    const file = await report([hostile]);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    const { page, errors } = await openPage(browser, pathToFileURL(file).href);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator('#app img').count()).toBe(0);
    expect(await page.locator('#app script').count()).toBe(0);
    const message = await page.locator('pre.message').textContent();
    expect(message).toBe(HOSTILE);
    expect(await page.locator('.entry .raw').first().textContent()).toContain(HOSTILE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a fork beside its parent: aligned from the first divergence, with deltas', async () => {
    const fork = join(dir, 'fork');
    const r = await cli(['fork', join(run, 'trace.jsonl'), '--at', '5', '--set', 'agents[1].policy.strategy=defector', '--out', fork, '--json']);
    expect(r.code).toBe(0);
    const file = await report([run, fork, '--out', join(dir, 'pair.html')]);
    const { page, errors } = await openPage(browser, pathToFileURL(file).href);
    const divergence = await page.locator('.divergence').textContent();
    const round = Number(/^first divergence at seq \d+ \(round (\d+)\)/.exec(divergence!)?.[1]);
    expect(round).toBeGreaterThanOrEqual(5);
    expect((await chartInk(page))['delta B - A']).toBeGreaterThan(50);
    expect(await page.locator('table').nth(0).textContent()).toContain('payoffs.alice');
    // Transcripts start at the divergence.
    const rounds = await page.locator('.pair .entry .head span:nth-child(2)').allTextContents();
    expect(rounds.length).toBeGreaterThan(0);
    for (const text of rounds) expect(Number(text.replace('round ', ''))).toBeGreaterThanOrEqual(round);
    expect(errors).toEqual([]);
    await page.close();
  });
});
