/**
 * "Báo cáo Word" from the task pane's session over the in-memory Excel: the .docx of the evaluation
 * shown (or of the period), with the letterhead the sample's own heading rows give.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { SampleBook } from '../../src/excel/sample';
import { Session } from '../../src/excel/session';
import { envOf } from '../helpers/fake-book';

installExcelEnums();
const root = path.join(__dirname, '../..');
const sample = (): SampleBook => JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;
const text = (bytes: Uint8Array) =>
  [...strFromU8(unzipSync(bytes)['word/document.xml']).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('Word report from the pane', () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sample(), now: () => new Date(2025, 0, 15) });

  test('refuses before an evaluation', async () => {
    await session.insertSample();
    await session.detect();
    await expect(session.wordReport(false)).rejects.toMatchObject({ name: 'AddinError' });
  });

  test('the year report, letterhead from the sample’s heading rows, the workbook untouched', async () => {
    await session.evaluate(2024, false);
    const before = fake.sheetNames();
    const out = await session.wordReport(false);
    expect(out.fileName).toBe('bao-cao-cchc-2024.docx');
    const t = text(out.bytes);
    for (const s of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      'Đến ngày 31/12/2024',
      'Nơi nhận:',
    ])
      expect(t).toContain(s);
    expect(t).toContain('ngày 15 tháng 01 năm 2025');
    expect(fake.sheetNames()).toEqual(before);
  });

  test('the period summary', async () => {
    const out = await session.wordReport(true);
    expect(out.fileName).toBe('bao-cao-tong-ket-2022-2025.docx');
    expect(text(out.bytes)).toContain('giai đoạn 2022 – 2025');
  });
});
