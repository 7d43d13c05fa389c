// Headless Chromium (Debian's, never a downloaded one) for the report and viewer tests.
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** Opens `url`; `errors` collects console errors, page errors and failed requests from then on. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(url);
  return { page, errors };
}

/** Per chart title, the number of painted (non-transparent) pixels of its canvases. */
export async function chartInk(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-chart]', (charts) =>
    Object.fromEntries(
      charts.map((chart) => {
        let ink = 0;
        for (const canvas of chart.querySelectorAll('canvas')) {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink += 1;
        }
        return [chart.getAttribute('data-chart')!, ink];
      }),
    ),
  );
}
