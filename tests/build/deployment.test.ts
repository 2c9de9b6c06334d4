/**
 * The production build as it is deployed: the manifest moved to ADDIN_URL with nothing of the
 * development server left, every file it names built (help.html too), no source maps in the
 * served folder, the custom-functions metadata Excel needs, and the headers the production server
 * (scripts/serve-addin.js) sends, which the README's table must state. Also the development
 * server's settings: localhost only, no eval in a build whose CSP forbids it.
 * Needs `npm run build` first (npm test runs it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import type webpack from 'webpack';

// The build and deployment code (plain JS, run by webpack and node).
/* eslint-disable @typescript-eslint/no-require-imports */
const { productionManifest, addinBase } = require('../../scripts/webpack/manifest') as {
  productionManifest: (xml: string, url: string) => string;
  addinBase: (url: string) => { base?: string; origin?: string; error?: string };
};
const { RULES, COMMON, headersFor } = require('../../scripts/deploy/headers') as {
  RULES: ReadonlyArray<{ files: string; headers: Record<string, string> }>;
  COMMON: Record<string, string>;
  headersFor: (p: string) => Record<string, string> | null;
};
const { addinHandler } = require('../../scripts/serve-addin') as { addinHandler: (dir: string) => http.RequestListener };
const { contentSecurityPolicy } = require('../../scripts/webpack/csp') as {
  contentSecurityPolicy: (o: { dev: boolean }) => string;
};
const addinConfig = require('../../webpack.config.js') as (
  env: unknown,
  argv: { mode: string },
) => webpack.Configuration & { devServer?: { host?: string; server?: unknown } };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/addin');
const MAPS = path.join(ROOT, 'dist/addin-sourcemaps');
const SOURCE_XML = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Every file under `dir`, relative, "/"-separated. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
/** URLs and AppDomains named in a manifest. */
function manifestUrls(xml: string): { urls: string[]; appDomains: string[] } {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  const appDomains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim());
  return { urls, appDomains };
}

describe('the production manifest (ADDIN_URL)', () => {
  test('moves every URL to ADDIN_URL and keeps only its origin as AppDomain', () => {
    const xml = productionManifest(SOURCE_XML, 'https://cchc.example.gov.vn/addin');
    const { urls, appDomains } = manifestUrls(xml);
    expect(xml).not.toMatch(/localhost/);
    expect(appDomains).toEqual(['https://cchc.example.gov.vn']);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith('https://cchc.example.gov.vn/addin/')).toBe(true);
    expect(xml).toContain('DefaultValue="https://cchc.example.gov.vn/addin/help.html"');
  });

  test('refuses an ADDIN_URL Office cannot use', () => {
    expect(addinBase('http://cchc.example.gov.vn/').error).toMatch(/https/);
    expect(addinBase('cchc.example.gov.vn').error).toMatch(/not a URL/);
    expect(addinBase('https://h.example/?v=1').error).toMatch(/query/);
    expect(addinBase('https://h.example').base).toBe('https://h.example/');
    expect(() => productionManifest(SOURCE_XML, 'http://h.example/')).toThrow(/https/);
    expect(() => productionManifest(`${SOURCE_XML}<!-- http://localhost:8080 -->`, 'https://h.example/')).toThrow(/localhost/);
  });
});

describe('dist/addin', () => {
  if (!existsSync(path.join(DIST, 'manifest.xml'))) {
    test('is built (run "npm run build")', () => {
      throw new Error(`${DIST} is missing: run "npm run build" before the tests`);
    });
    return;
  }
  const built = files(DIST);
  const manifest = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');

  test('its manifest names no development URL, and every file it names is built', () => {
    const { urls, appDomains } = manifestUrls(manifest);
    expect(manifest).not.toMatch(/localhost/);
    const origin = new URL(urls[0]).origin;
    expect(appDomains).toEqual([origin]);
    const base = urls.find((u) => u.endsWith('/taskpane.html'))?.replace(/taskpane\.html$/, '') ?? '';
    for (const u of urls) {
      expect(u.startsWith(base)).toBe(true);
      expect(built).toContain(u.slice(base.length));
    }
    expect(urls.some((u) => u.endsWith('/help.html'))).toBe(true);
  });

  test('help.html is a page in both languages with no script', () => {
    const help = readFileSync(path.join(DIST, 'help.html'), 'utf8');
    expect(help).toContain('Chưa xác định');
    expect(help).toContain('Undetermined');
    expect(help).not.toMatch(/<script/i);
    expect(help).toMatch(/Content-Security-Policy"? content="[^"]*script-src 'none'/);
  });

  test('holds no source maps; they are beside it, and no served script points to one', () => {
    expect(built.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of built.filter((x) => x.endsWith('.js')))
      expect(readFileSync(path.join(DIST, f), 'utf8')).not.toMatch(/sourceMappingURL/);
    const maps = files(MAPS);
    expect(maps).toEqual(expect.arrayContaining(['taskpane.js.map', 'functions.js.map']));
    expect(maps.some((m) => m.startsWith('chunks/'))).toBe(true);
  });

  test('both metadata files let error cells reach the functions (allowErrorForDataTypeAny)', () => {
    for (const f of ['functions.json', 'functions.vi.json']) {
      const metadata = JSON.parse(readFileSync(path.join(DIST, f), 'utf8')) as Record<string, unknown>;
      expect(metadata.allowErrorForDataTypeAny).toBe(true);
    }
  });

  test('every file Office loads has a header rule; what has none is not served', () => {
    const unserved = built.filter((f) => headersFor(f) === null);
    expect(unserved.every((f) => f.endsWith('.LICENSE.txt'))).toBe(true);
    for (const f of ['taskpane.html', 'help.html', 'functions.json', 'functions.vi.json', 'functions.js', 'manifest.xml'])
      expect(headersFor(f)).not.toBeNull();
  });

  describe('served by scripts/serve-addin.js', () => {
    let server: http.Server;
    let base = '';
    beforeAll(async () => {
      server = http.createServer(addinHandler(DIST));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const get = (p: string, method = 'GET') => fetch(base + p, { method });

    test('functions.json and functions.vi.json: JSON with CORS, as Excel on the web fetches them from its own origin', async () => {
      for (const f of ['/functions.json', '/functions.vi.json']) {
        const r = await get(f);
        expect(r.status).toBe(200);
        expect(r.headers.get('access-control-allow-origin')).toBe('*');
        expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(((await r.json()) as { functions: unknown[] }).functions).toHaveLength(8);
      }
    });

    test('taskpane.html: HTML with the same CSP as its <meta>, revalidated; scripts typed, chunks immutable', async () => {
      const r = await get('/taskpane.html');
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ dev: false }));
      expect(await r.text()).toContain(contentSecurityPolicy({ dev: false }));
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      const js = await get('/taskpane.js');
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const chunk = built.find((f) => f.startsWith('chunks/'));
      expect((await get(`/${chunk}`)).headers.get('cache-control')).toContain('immutable');
    });

    test('nothing else: no listing, no way out of the folder, no other method', async () => {
      expect((await get('/')).status).toBe(404);
      expect((await get('/..%2Fpackage.json')).status).toBe(404);
      expect((await get('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
      expect((await get('/chunks/../../addin-sourcemaps/taskpane.js.map')).status).toBe(404);
      expect((await get('/taskpane.js.map')).status).toBe(404);
      expect((await get('/taskpane.html', 'POST')).status).toBe(405);
      const head = await get('/manifest.xml', 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    });
  });
});

describe('the README states the production headers the server sends', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  test.each(RULES.map((r) => [r.files, r]))('%s', (_files, rule) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${rule.files}\``));
    expect(row).toBeDefined();
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name === 'Content-Security-Policy') expect(row).toContain('Content-Security-Policy');
      else expect(row).toContain(`${name}: ${value}`);
    }
  });
  test('and the headers every file gets', () => {
    for (const [name, value] of Object.entries(COMMON)) expect(readme).toContain(`${name}: ${value}`);
  });
});

describe('the development server', () => {
  const dev = addinConfig({}, { mode: 'development' });
  test('listens on localhost only', () => {
    expect(dev.devServer?.host).toBe('localhost');
  });
  test('builds without eval, which the pane’s CSP (development too) does not allow', () => {
    expect(String(dev.devtool)).not.toMatch(/eval/);
    expect(contentSecurityPolicy({ dev: true })).not.toMatch(/unsafe-eval/);
  });
  test('production maps are hidden (no sourceMappingURL) and written outside dist/addin', () => {
    const prod = addinConfig({}, { mode: 'production' });
    expect(prod.devtool).toBe('hidden-source-map');
    const out = path.resolve(prod.output?.path ?? '', String(prod.output?.sourceMapFilename));
    expect(out.startsWith(MAPS + path.sep)).toBe(true);
  });
});
