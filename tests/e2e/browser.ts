/**
 * Debian's Chromium driven by playwright-core (no browser download: `npx playwright install` does
 * not work here). Every request that is not to the local server is refused and recorded — the
 * preview must need no network — and so are page errors and console errors.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { StaticServer, serveStatic } from './static-server';

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

/** The repository, the built preview and the screenshots folder. */
export const ROOT = path.join(__dirname, '../..');
export const PREVIEW = path.join(ROOT, 'dist/preview');
export const SHOTS = path.join(ROOT, 'docs/screenshots');

/** The built preview served on a free port, Chromium launched, one watched page on it. */
export interface PreviewSession {
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly w: Watched;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * What every end-to-end file starts with: refuses, saying how to build it, when `needs` (a file
 * of dist/preview) is missing; makes the screenshots folder; serves the preview; opens a page.
 */
export async function openPreview(
  options: { needs?: string; viewport?: { width: number; height: number } } = {},
): Promise<PreviewSession> {
  if (!existsSync(path.join(PREVIEW, options.needs ?? 'index.html')))
    throw new Error('dist/preview is not built: run "npm run build:preview" (npm run test:e2e does it first).');
  mkdirSync(SHOTS, { recursive: true });
  const server = await serveStatic(PREVIEW);
  const browser = await launch();
  const w = await openWatched(browser, server.url, options.viewport);
  return {
    server,
    browser,
    w,
    page: w.page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The pane's first steps on a fresh preview page: open it on `today`, insert the sample data,
 * choose `year` and evaluate, waiting for the lists and then the results.
 */
export async function evaluateSample(session: PreviewSession, year: number, today = '2026-11-26'): Promise<void> {
  const pane = session.page.getByTestId('pane');
  await session.page.goto(`${session.server.url}/?today=${today}`);
  await pane.getByRole('button', { name: 'Chèn dữ liệu mẫu' }).click();
  await pane.getByRole('heading', { name: 'Danh sách trong sổ tính' }).waitFor();
  await pane.getByLabel('Năm đánh giá (tính đến 31/12)').selectOption(String(year));
  await pane.getByRole('button', { name: 'Đánh giá', exact: true }).click();
  await pane.getByRole('heading', { name: `Kết quả năm ${year}` }).waitFor();
}
