/**
 * The built task pane page (dist/addin/taskpane.html), as Excel loads it: a Content-Security-Policy
 * that allows scripts only from the add-in's origin and Office's CDN, no inline script, and an
 * initial download within budget — with the sample data and .xlsx reading left to load lazily.
 * Also the budget plugin itself, on a tiny build. Needs `npm run build` first (npm test runs it).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

interface BudgetFile {
  file: string;
  bytes: number;
}
interface BudgetPlugin {
  entries: string[];
  budgetKiB: number;
}
// The build step's own code (plain JS, used by webpack.config.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BundleBudgetPlugin, budgetReport } = require('../../scripts/webpack/bundle-budget') as {
  BundleBudgetPlugin: new (o: {
    entries: string[];
    budgetKiB: number;
    log?: (line: string) => void;
  }) => webpack.WebpackPluginInstance & BudgetPlugin;
  budgetReport: (files: BudgetFile[], budgetKiB: number) => { total: number; over: boolean; line: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addinConfig = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => webpack.Configuration;

const ROOT = path.join(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/addin');
const HTML = path.join(DIST, 'taskpane.html');
const OFFICE = 'https://appsforoffice.microsoft.com';
const BUDGET_KIB = 450;

/** Words only the sample data holds (its title line), and only exceljs holds (the .xlsx part list). */
const SAMPLE_MARKER = 'Kèm theo Báo cáo số 456/BC-SNV';
const EXCELJS_MARKER = '[Content_Types].xml';

interface Tag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Tags of one kind in an HTML page (minified: attribute values may be unquoted). */
function tags(html: string, name: string): Tag[] {
  const out: Tag[] = [];
  const open = new RegExp(`<${name}\\b([^>]*)>`, 'gi');
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs: Record<string, string> = {};
    const attr = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    for (let a = attr.exec(m[1]); a; a = attr.exec(m[1])) attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    let body = '';
    if (name.toLowerCase() === 'script') {
      const end = html.toLowerCase().indexOf('</script>', open.lastIndex);
      body = end < 0 ? html.slice(open.lastIndex) : html.slice(open.lastIndex, end);
    }
    out.push({ name, attrs, body });
  }
  return out;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k.toLowerCase(), v]),
  );
}

describe('dist/addin/taskpane.html', () => {
  if (!existsSync(HTML)) {
    test('is built (run "npm run build")', () => {
      throw new Error(`${HTML} is missing: run "npm run build" before the tests`);
    });
    return;
  }
  const html = readFileSync(HTML, 'utf8');
  const scripts = tags(html, 'script');
  const local = scripts.map((s) => s.attrs.src).filter((src) => src && !/^[a-z]+:|^\/\//i.test(src));

  test('has a Content-Security-Policy that lets scripts come only from the add-in and Office', () => {
    const metas = tags(html, 'meta').filter((m) => m.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
    expect(metas).toHaveLength(1);
    const csp = directives(metas[0].attrs.content);
    expect(csp.get('script-src')?.slice().sort()).toEqual(["'self'", OFFICE].sort());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const banned of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
      'data:',
      '*',
      'http:',
      'https:',
    ])
      expect(csp.get('script-src')).not.toContain(banned);
    // The CSP is in the head, before any script, so it governs them all.
    expect(html.search(/<meta[^>]+content-security-policy/i)).toBeLessThan(html.search(/<script/i));
  });

  test('has no inline script: every <script> has a src and no body, and no element has an on… handler', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s.attrs.src).toBeTruthy();
      expect(s.body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test('loads scripts only from its own folder (relative) or the Office CDN', () => {
    for (const { attrs } of scripts) {
      const src = attrs.src;
      const relative = !/^[a-z][a-z0-9+.-]*:|^\/\/|^\//i.test(src);
      expect(relative || src.startsWith(OFFICE + '/')).toBe(true);
    }
    expect(scripts.filter((s) => s.attrs.src.startsWith(OFFICE))).toHaveLength(1);
    expect(local).toEqual(expect.arrayContaining(['taskpane.js']));
    // Shared runtime: the page's own script registers the custom functions at once (every id,
    // src/taskpane/functions-register.ts) and loads them with the engine — the adapter's too — on
    // the first call, from a chunk of its own; functions.js is for the manifest's Script entry.
    expect(local).not.toContain('functions.js');
    const page = readFileSync(path.join(DIST, 'taskpane.js'), 'utf8');
    for (const id of ['THRESHOLD', 'TARGET_STATUS', 'GAP', 'RATE', 'COUNT', 'TARGETS', 'EVALUATE', 'UNITS'])
      expect(page).toContain(`"${id}"`);
    expect(page).toContain('.associate(');
    expect(page).toContain('functions-impl');
  });

  test(`the JavaScript it loads at start fits in ${BUDGET_KIB} KiB (minified)`, () => {
    const files = local.map((src) => ({ file: src, bytes: statSync(path.join(DIST, src)).size }));
    const report = budgetReport(files, BUDGET_KIB);
    console.log(report.line);
    expect(report.total).toBeLessThanOrEqual(BUDGET_KIB * 1024);
    expect(report.over).toBe(false);
  });

  test('the sample data and the .xlsx reader are not part of that start: they load on demand', () => {
    const initial = local.map((src) => readFileSync(path.join(DIST, src), 'utf8'));
    for (const code of initial) {
      expect(code).not.toContain(SAMPLE_MARKER);
      expect(code).not.toContain(EXCELJS_MARKER);
    }
    // The sample is still shipped, as a chunk of its own that "Chèn dữ liệu mẫu" fetches.
    const chunks = readdirSync(path.join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => readFileSync(path.join(DIST, 'chunks', f), 'utf8').includes(SAMPLE_MARKER))).toBe(true);
  });
});

describe('the bundle-budget plugin', () => {
  test('formats one line: total, budget, then each file in KiB', () => {
    const r = budgetReport(
      [
        { file: 'taskpane.js', bytes: 12595 },
        { file: 'vendors.js', bytes: 327782 },
        { file: 'functions.js', bytes: 56115 },
      ],
      450,
    );
    expect(r.line).toBe(
      'initial task pane JS: 387.2 KiB (budget 450 KiB) — taskpane.js 12.3, vendors.js 320.1, functions.js 54.8',
    );
    expect(r.over).toBe(false);
    expect(budgetReport([{ file: 'a.js', bytes: 450 * 1024 + 1 }], 450).over).toBe(true);
  });

  test('is part of the production build of the add-in, for the task pane entry, with a 450 KiB budget', () => {
    const prod = addinConfig({}, { mode: 'production' }).plugins ?? [];
    const budget = prod.filter((p): p is BudgetPlugin & webpack.WebpackPluginInstance => p instanceof BundleBudgetPlugin);
    expect(budget).toHaveLength(1);
    expect(budget[0].entries).toEqual(['taskpane']);
    expect(budget[0].budgetKiB).toBe(BUDGET_KIB);
    const dev = addinConfig({}, { mode: 'development' }).plugins ?? [];
    expect(dev.some((p) => p instanceof BundleBudgetPlugin)).toBe(false);
  });

  describe('on a tiny build', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'a.js'), `console.log(${JSON.stringify('x'.repeat(3000))});`);
    writeFileSync(path.join(dir, 'b.js'), 'import("./lazy.js").then((m) => m.default());');
    writeFileSync(path.join(dir, 'lazy.js'), `export default () => ${JSON.stringify('y'.repeat(9000))};`);

    function build(budgetKiB: number): Promise<{ lines: string[]; errors: string[] }> {
      const lines: string[] = [];
      return new Promise((resolve, reject) => {
        webpack(
          {
            mode: 'production',
            context: dir,
            entry: { a: './a.js', b: './b.js' },
            output: { path: path.join(dir, 'out'), filename: '[name].js' },
            plugins: [new BundleBudgetPlugin({ entries: ['a', 'b'], budgetKiB, log: (l) => lines.push(l) })],
          },
          (err, stats) => {
            if (err || !stats) return reject(err ?? new Error('no stats'));
            resolve({ lines, errors: stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [] });
          },
        );
      });
    }

    test('counts the entries’ files, not lazy chunks, and passes within budget', async () => {
      const { lines, errors } = await build(10);
      expect(errors).toEqual([]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^initial task pane JS: \d+\.\d KiB \(budget 10 KiB\) — a\.js \d+\.\d, b\.js \d+\.\d$/);
      const sizes = ['a.js', 'b.js'].reduce((n, f) => n + statSync(path.join(dir, 'out', f)).size, 0);
      expect(lines[0]).toContain(`${(sizes / 1024).toFixed(1)} KiB`);
    });

    test('fails the build when over budget', async () => {
      const { errors } = await build(1);
      expect(errors.join('\n')).toMatch(/initial JavaScript is \d+\.\d KiB, over its budget of 1 KiB/);
    });
  });
});
