#!/usr/bin/env node
'use strict';
// The `cchc` command line. The TypeScript sources are compiled to dist/node by `npm run build:cli`
// (run automatically by `npm ci` / `npm install` through the "prepare" script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('cchc: chưa biên dịch; hãy chạy "npm run build:cli" (hoặc "npm ci") trong thư mục dự án.\n');
  process.exit(2);
}
// `cchc … | head`: a closed pipe ends the command quietly (see src/cli/terminal.ts).
require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'terminal.js')).quietOnBrokenPipe(process.stdout);
const { main } = require(entry);
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`cchc: lỗi không mong đợi / unexpected error: ${(e && e.stack) || e}\n`);
    process.exitCode = 70;
  },
);
