/**
 * The command line's words and output on a terminal: argument errors entirely in the chosen
 * language (never node's parser sentences), control characters in workbook text escaped, and a
 * closed pipe (`| head`) ending quietly.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { UsageError, parseCli } from '../../src/cli/args';
import { quietOnBrokenPipe, terminalText } from '../../src/cli/terminal';

const ROOT = path.resolve(__dirname, '..', '..');

function refusal(argv: string[]): UsageError {
  try {
    parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

/** Words node's parseArgs writes; none may reach the user. */
const NODE_WORDS = /ambiguous|Unknown option|argument missing|does not take|Unexpected argument|positional/;

describe('argument errors in one language', () => {
  test.each<[string[], string, string]>([
    [
      ['evaluate', 'a.xlsx', '--year', '--json'],
      'Tùy chọn --year cần một giá trị ngay sau nó (ví dụ --year 2024) (xem "cchc --help").',
      'The option --year needs a value right after it (e.g. --year 2024) (see "cchc --help").',
    ],
    [
      ['evaluate', 'a.xlsx', '--year'],
      'Tùy chọn --year cần một giá trị ngay sau nó (ví dụ --year 2024) (xem "cchc --help").',
      'The option --year needs a value right after it (e.g. --year 2024) (see "cchc --help").',
    ],
    [
      ['evaluate', 'a.xlsx', '-y', '-o'],
      'Tùy chọn --year cần một giá trị ngay sau nó (ví dụ --year 2024) (xem "cchc --help").',
      'The option --year needs a value right after it (e.g. --year 2024) (see "cchc --help").',
    ],
    [
      ['evaluate', 'a.xlsx', '--frobnicate'],
      'Không có tùy chọn "--frobnicate" (xem "cchc --help").',
      'There is no option "--frobnicate" (see "cchc --help").',
    ],
    [
      ['evaluate', 'a.xlsx', '--json=yes'],
      'Tùy chọn --json không nhận giá trị (xem "cchc --help").',
      'The option --json takes no value (see "cchc --help").',
    ],
    [
      ['plan', 'extra'],
      'Lệnh này không nhận tham số "extra" (xem "cchc --help").',
      'This command takes no argument "extra" (see "cchc --help").',
    ],
  ])('%j', (argv, vi, en) => {
    const e = refusal(argv);
    expect(e.vi).toBe(vi);
    expect(e.en).toBe(en);
    expect(e.vi).not.toMatch(NODE_WORDS);
  });
});

describe('workbook text on a terminal', () => {
  test('control characters are shown escaped, Vietnamese text unchanged', () => {
    expect(terminalText('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(terminalText('Phòng\u001b[2J A\u0007')).toBe('Phòng\\x1b[2J A\\x07');
    expect(terminalText('tên\nmới\t')).toBe('tên\\x0amới\\x09');
    expect(terminalText('\u009b31m \u202eabc')).toBe('\\x9b31m \\u202eabc');
  });
});

describe('a closed pipe', () => {
  test('EPIPE on stdout ends with status 0; other errors still throw', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    quietOnBrokenPipe(stream as unknown as NodeJS.WriteStream, (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk'), { code: 'EIO' }))).toThrow('disk');
  });

  test('`cchc plan` whose reader has gone (as after `| head`) exits 0 and prints no trace', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'cchc.js'), 'plan', '--year', '2024'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader closes before the first line arrives: every write hits a closed pipe.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
