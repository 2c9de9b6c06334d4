#!/usr/bin/env node
/* A small production server for the built add-in: serves dist/addin (GET and HEAD only) with the
 * headers of scripts/deploy/headers.js, nothing outside that folder, nothing the rules do not name
 * (no source maps, no listings). HTTPS when TLS_KEY and TLS_CERT name PEM files; otherwise plain
 * HTTP, for running behind a reverse proxy that terminates TLS (Office requires https).
 *
 *   npm run build && node scripts/serve-addin.js [--port 8443] [--host 0.0.0.0] [--dir dist/addin] */
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');
const { headersFor } = require('./deploy/headers');

/** The request handler for the add-in in `dir` (absolute). */
function addinHandler(dir) {
  const root = path.resolve(dir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Method not allowed\n');
    }
    let relative;
    try {
      relative = decodeURIComponent(new URL(req.url || '/', 'http://addin.invalid').pathname).replace(/^\/+/, '');
    } catch {
      relative = null;
    }
    const file = relative === null ? null : path.resolve(root, relative);
    const inside = file !== null && file.startsWith(root + path.sep);
    const headers = inside ? headersFor(path.relative(root, file)) : null;
    if (!headers || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      return res.end('Not found\n');
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

function main(args) {
  const dir = path.resolve(option(args, '--dir', path.join(__dirname, '..', 'dist', 'addin')));
  const port = Number(option(args, '--port', process.env.PORT || '8443'));
  const host = option(args, '--host', '0.0.0.0');
  if (!fs.existsSync(path.join(dir, 'manifest.xml'))) {
    console.error(`${dir} has no manifest.xml: run "ADDIN_URL=https://your.host/ npm run build" first`);
    process.exit(2);
  }
  const { TLS_KEY, TLS_CERT } = process.env;
  const handler = addinHandler(dir);
  const server =
    TLS_KEY && TLS_CERT
      ? https.createServer({ key: fs.readFileSync(TLS_KEY), cert: fs.readFileSync(TLS_CERT) }, handler)
      : http.createServer(handler);
  server.listen(port, host, () => {
    const scheme = TLS_KEY && TLS_CERT ? 'https' : 'http (behind a TLS proxy)';
    console.log(`Serving ${dir} on ${host}:${port} over ${scheme}`);
  });
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { addinHandler };
