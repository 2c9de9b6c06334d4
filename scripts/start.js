#!/usr/bin/env node
/* `npm start`. Office's convention is to sideload the add-in into desktop Excel with
 * office-addin-debugging — which only works on Windows and macOS (on Linux it says "Platform not
 * supported" and exits 0) and is not a dependency here. So: on Windows/macOS with that tool
 * installed, sideload; without it, say how to sideload into Excel on the web; and wherever Excel
 * desktop cannot be used from here (Linux, or the tool missing), start the browser preview. */
const { spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

function resolvable(name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

const desktop = process.platform === 'win32' || process.platform === 'darwin';

if (desktop && resolvable('office-addin-debugging')) {
  // Builds, starts the dev server (npm run dev-server) and sideloads manifest.xml into Excel.
  run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['office-addin-debugging', 'start', 'manifest.xml']);
} else {
  if (desktop)
    console.log(
      [
        'office-addin-debugging is not installed, so the add-in cannot be sideloaded into Excel desktop from here.',
        'To try it in Excel on the web:',
        '  1. npm run dev-server   (serves the add-in on https://localhost:3000)',
        '  2. In Excel on the web: Home › Add-ins › More add-ins › My add-ins › Upload my add-in › manifest.xml',
        '',
      ].join('\n'),
    );
  console.log('Excel desktop is not available here: starting the browser preview on http://localhost:3001 instead.');
  run(npm, ['run', 'preview']);
}
