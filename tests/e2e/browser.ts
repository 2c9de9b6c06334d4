/**
 * Debian's Chromium driven by playwright-core (no browser download: `npx playwright install` does
 * not work here). Every request that is not to the local server is refused and recorded — the
 * preview must need no network — and so are page errors and console errors.
 */
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to anywhere but `origin` (refused). */
  readonly offsite: string[];
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

export async function openWatched(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number } = { width: 1400, height: 900 },
): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block' });
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === origin || url.startsWith(origin + '/')) await route.continue();
    else {
      offsite.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const page = await context.newPage();
  page.on('websocket', (ws) => offsite.push(ws.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { context, page, offsite, pageErrors, consoleErrors };
}
