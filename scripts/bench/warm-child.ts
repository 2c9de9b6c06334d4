/**
 * What a fresh `cchc evaluate` could reach at best, run as its own process
 * (`node warm-child.js FILE YEAR`): load the command line (timed), then run
 * `cchc evaluate FILE --year YEAR --json` three times in this one process and time the last —
 * the same steps with every function already compiled and optimised by V8, which a fresh process
 * never has. Prints "LOAD_MS RUN_MS".
 */
import { performance } from 'node:perf_hooks';

const RUNS = 3;

async function warm(file: string, year: string): Promise<{ loadMs: number; runMs: number }> {
  const t0 = performance.now();
  const { main } = await import('../../src/cli/main');
  const loadMs = performance.now() - t0;
  let runMs = NaN;
  for (let i = 0; i < RUNS; i++) {
    let out = '';
    const io = {
      stdout: { write: (s: string) => (out += s) },
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
    };
    const t = performance.now();
    const code = await main(['evaluate', file, '--year', year, '--json'], io);
    runMs = performance.now() - t;
    if (code !== 0 || !out.includes('"targets"')) throw new Error(`cchc evaluate exited ${code}`);
  }
  return { loadMs, runMs };
}

if (require.main === module) {
  warm(process.argv[2], process.argv[3] ?? '2024').then(
    (r) => process.stdout.write(`${r.loadMs.toFixed(1)} ${r.runMs.toFixed(1)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
