/** The command line run in process (`main` from src/cli/main.ts) with its output captured. */
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `cchc ARGV` in `cwd` with no environment and a stdout that is not a terminal. */
export async function runCli(argv: readonly string[], cwd: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false },
    stderr: { write: (s: string) => ((err += s), true) },
    env: {},
    cwd,
  };
  const code = await main([...argv], io);
  return { code, out, err };
}
