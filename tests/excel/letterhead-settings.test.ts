/**
 * The letterhead typed in the pane, remembered in the workbook's settings: saved, read back by a
 * new session (the file opened again), used by the Word report; a bad saved value is dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { LETTERHEAD_KEY, parseSavedLetterhead } from '../../src/excel/letterhead-store';
import { SampleBook } from '../../src/excel/sample';
import { Session } from '../../src/excel/session';
import { envOf } from '../helpers/fake-book';

installExcelEnums();
const root = path.join(__dirname, '../..');
const sample = (): SampleBook => JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;
const text = (bytes: Uint8Array) =>
  [...strFromU8(unzipSync(bytes)['word/document.xml']).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const session = (fake: FakeExcel) =>
  new Session(envOf(fake), { lang: 'vi', loadSample: async () => sample(), now: () => new Date(2025, 0, 15) });

describe('letterhead in the workbook’s settings', () => {
  test('prefilled from the heading rows, saved, read back by a new session, used by the Word report', async () => {
    const fake = new FakeExcel();
    const first = session(fake);
    await first.insertSample();
    await first.detect();
    const draft = await first.letterhead();
    expect(draft.saved).toEqual({});
    expect(draft.fromWorkbook.parentAgency ?? draft.fromWorkbook.agency).toMatch(/ỦY BAN NHÂN DÂN/);

    const saved = await first.saveLetterhead({
      agency: '  PHÒNG NỘI VỤ ',
      signerName: 'Nguyễn Thị Lan',
      signerTitle: '',
      recipients: ['UBND Quận 3;', '', 'Lưu: VT.'],
    });
    expect(saved).toEqual({ agency: 'PHÒNG NỘI VỤ', signerName: 'Nguyễn Thị Lan', recipients: ['UBND Quận 3;', 'Lưu: VT.'] });
    expect(JSON.parse(fake.settings()[LETTERHEAD_KEY] as string)).toEqual(saved);

    // The file opened again: a new session over the same workbook.
    const second = session(fake);
    await second.detect();
    expect((await second.letterhead()).saved).toEqual(saved);
    await second.evaluate(2024, false);
    const t = text((await second.wordReport(false)).bytes);
    for (const s of ['PHÒNG NỘI VỤ', 'Nguyễn Thị Lan', 'UBND Quận 3;', 'Lưu: VT.']) expect(t).toContain(s);
  });

  test('a text over 300 characters is refused before anything is written', async () => {
    const fake = new FakeExcel();
    const s = session(fake);
    await expect(s.saveLetterhead({ agency: 'X'.repeat(301) })).rejects.toMatchObject({ name: 'LetterheadError' });
    expect(fake.settings()[LETTERHEAD_KEY]).toBeUndefined();
  });

  test('a saved value not as expected is dropped field by field, never trusted', () => {
    expect(parseSavedLetterhead('not json')).toEqual({});
    expect(parseSavedLetterhead(JSON.stringify([1]))).toEqual({});
    expect(parseSavedLetterhead(JSON.stringify({ agency: 'PHÒNG NỘI VỤ', signerName: 7, recipients: 'x', other: 'y' }))).toEqual({
      agency: 'PHÒNG NỘI VỤ',
    });
  });
});
