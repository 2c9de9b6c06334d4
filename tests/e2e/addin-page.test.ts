/**
 * The production task pane page (dist/addin/taskpane.html, what the manifest loads) in Chromium.
 * Excel cannot run here, so office.js is either missing (the network is refused) or a stand-in
 * served at Microsoft's address that reports another host and records the custom functions the
 * page registers. Checks that the page speaks instead of going blank, and that in the shared
 * runtime the page itself registers every CCHC function (functions.js is not on the page).
 *
 * Run: npm run test:e2e (builds dist/addin first).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, openWatched } from './browser';
import { StaticServer, serveStatic } from './static-server';

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/addin');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OPEN_IN_EXCEL = /Hãy mở phần bổ trợ trong Excel/;

/** An office.js stand-in: Office says the host is Word; CustomFunctions records registrations. */
const STAND_IN = `
window.__registered = [];
window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  context: { displayLanguage: 'vi-VN' },
  onReady: function (cb) { return Promise.resolve().then(function () { return cb({ host: 'Word', platform: 'OfficeOnline' }); }); },
};
window.CustomFunctions = { associate: function (id, fn) { window.__registered.push([id, typeof fn]); } };
`;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/addin is not built: run "npm run build" (npm run test:e2e does it first).');
  server = await serveStatic(DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('without office.js (opened outside Office) the page says to open it from Excel, with no script error', async () => {
  const w = await openWatched(browser, server.url);
  await w.page.goto(`${server.url}/taskpane.html`);
  await w.page.getByText(OPEN_IN_EXCEL).waitFor();
  expect(w.offsite).toEqual([OFFICE_JS]); // the one script from Microsoft's CDN, refused here
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});

test('in another Office host the page says so, and it has registered every CCHC function itself', async () => {
  const w = await openWatched(browser, server.url);
  await w.page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: STAND_IN }));
  await w.page.goto(`${server.url}/taskpane.html`);
  await w.page.getByText(OPEN_IN_EXCEL).waitFor();
  const registered = await w.page.evaluate(() => (window as unknown as { __registered: Array<[string, string]> }).__registered);
  const metadata = JSON.parse(readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: Array<{ id: string }> };
  expect(registered.map(([id]) => id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect(registered.every(([, kind]) => kind === 'function')).toBe(true);
  expect(w.offsite).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  await w.context.close();
});
