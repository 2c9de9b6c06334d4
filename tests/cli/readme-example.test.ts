/**
 * The README's example of `npx cchc evaluate` is what the command prints today: the default year
 * (this year kept within the plan) and the first target rows, line for line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');

function readmeExample(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /so `npx cchc evaluate` on the sample prints:\n\n```\n([\s\S]*?)\n```/.exec(readme);
  if (!block) throw new Error('README: the example of `npx cchc evaluate` is missing');
  return block[1].split('\n').filter((l) => l !== '' && l !== '…');
}

test('README example output = `cchc evaluate` on the sample with the default year', async () => {
  let out = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false },
    stderr: { write: () => true },
    env: {},
    cwd: ROOT,
  };
  expect(await main(['evaluate'], io)).toBe(0);
  const lines = out.split('\n');
  const example = readmeExample();
  expect(example.length).toBeGreaterThanOrEqual(3);
  for (const line of example) expect(lines).toContain(line);
});
