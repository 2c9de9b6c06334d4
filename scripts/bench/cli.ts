/** The command line end to end: `node bin/cchc.js evaluate FILE --year Y --json`, a fresh process each run. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchSection, statsOf } from './harness';

export function runCli(
  root: string,
  args: readonly string[],
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - t0,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

export const cliSection: BenchSection = {
  id: 'cli',
  title: 'Command line (fresh process each run)',
  async run(ctx) {
    const { root, fixture, options } = ctx;
    if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) {
      return [{ measure: 'cchc evaluate FILE --json', value: 'skipped', note: 'run "npm run build:cli" first' }];
    }
    const args = ['evaluate', fixture.file, '--year', String(options.year), '--json'];
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < options.cliRuns; i++) {
      const r = await runCli(root, args);
      if (r.code !== 0) throw new Error(`cchc exited ${r.code}: ${r.stderr.trim()}`);
      const json = JSON.parse(r.stdout) as { targets?: unknown[] };
      if (!Array.isArray(json.targets)) throw new Error('cchc --json printed no targets');
      bytes = r.stdout.length;
      times.push(r.ms);
    }
    return [
      {
        measure: `cchc evaluate FILE --year ${options.year} --json`,
        stats: statsOf(times),
        note: `end to end incl. Node start-up; ${(bytes / 1024).toFixed(0)} KB of JSON`,
      },
    ];
  },
};
