// Screenshots of a run report and a sweep report for the README (docs/report-run.png,
// docs/report-sweep.png): runs the offline donor-game sweep with the built CLI (`npm run build` first),
// writes both reports and photographs them in Debian's headless Chromium.
//   node scripts/report-screenshots.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'polis-shots-'));
const polis = (...args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/polis.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (r.status !== 0) throw new Error(`polis ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
};
const sweep = join(work, 'donor-punishment');
polis('sweep', 'examples/sweeps/donor-punishment.sweep.yaml', '--out', sweep);
polis('report', sweep, '--out', join(work, 'sweep.html'));
polis('report', join(sweep, 'punishment/seed-1'), '--out', join(work, 'run.html'));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const [html, png] of [['run.html', 'report-run.png'], ['sweep.html', 'report-sweep.png']]) {
    const page = await browser.newPage({ viewport: { width: 1240, height: 1400 } });
    await page.goto(pathToFileURL(join(work, html)).href);
    if (html === 'run.html') {
      await page.locator('.entry.invalid .prompt summary').first().click();
      await page.evaluate('window.scrollTo(0, 0)');
    }
    await page.screenshot({ path: join(root, 'docs', png) });
    await page.close();
    console.log(`docs/${png}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
