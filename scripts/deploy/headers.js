/* The HTTP headers the built add-in (dist/addin) must be served with, one rule per kind of file.
 * The production server (scripts/serve-addin.js) applies them; the README's "Production" table
 * says the same for any other host (IIS, nginx, a CDN). tests/build/deployment.test.ts checks both.
 *
 * - functions.json / functions.vi.json: Excel on the web downloads the custom functions metadata
 *   itself, from Office's own origin, not from the task pane page, so the request is cross-origin
 *   and needs `Access-Control-Allow-Origin` (the files are public; `*` carries no credentials).
 * - Pages carry their Content-Security-Policy as a header too (the <meta> copy stays for hosts
 *   that cannot set headers). No `frame-ancestors`: Office shows the pane in frames of several
 *   Microsoft domains, which a fixed list would break.
 * - Unhashed names (pages, entry scripts, metadata, manifest) are revalidated on every load so a
 *   new version is picked up; chunks/ have content hashes in their names and never change.
 * - Anything else (source maps, unknown types) is not served. */
const { contentSecurityPolicy, helpContentSecurityPolicy } = require('../webpack/csp');

const COMMON = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=31536000',
});
const REVALIDATE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Rules in order; the first whose test matches the path (relative, "/"-separated) applies. */
const RULES = Object.freeze([
  {
    files: 'taskpane.html',
    test: (p) => p === 'taskpane.html',
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': REVALIDATE,
      'Content-Security-Policy': contentSecurityPolicy({ dev: false }),
    },
  },
  {
    files: 'help.html',
    test: (p) => p === 'help.html',
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': REVALIDATE,
      'Content-Security-Policy': helpContentSecurityPolicy(),
    },
  },
  {
    files: 'functions.json, functions.vi.json',
    test: (p) => /^functions(\.[a-z]{2})?\.json$/.test(p),
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': REVALIDATE,
      'Access-Control-Allow-Origin': '*',
    },
  },
  {
    files: 'chunks/*.js',
    test: (p) => /^chunks\/[^/]+\.js$/.test(p),
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': IMMUTABLE },
  },
  {
    files: '*.js (taskpane.js, functions.js)',
    test: (p) => /^[^/]+\.js$/.test(p),
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': REVALIDATE },
  },
  {
    files: 'manifest.xml',
    test: (p) => p === 'manifest.xml',
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': REVALIDATE },
  },
  {
    files: 'assets/*.png',
    test: (p) => /^assets\/[^/]+\.png$/.test(p),
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  },
  {
    files: 'assets/*.svg',
    test: (p) => /^assets\/[^/]+\.svg$/.test(p),
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
  },
]);

/** The headers for a file of dist/addin (relative path), or null when it must not be served. */
function headersFor(relativePath) {
  const p = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  const rule = RULES.find((r) => r.test(p));
  return rule ? { ...rule.headers, ...COMMON } : null;
}

module.exports = { RULES, COMMON, headersFor };
