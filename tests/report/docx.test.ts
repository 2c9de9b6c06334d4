/**
 * The Word reports' structure (NĐ 30 layout), read back from the .docx package: A4, margins, font,
 * heading block, numbers from page 2, every target, "Nơi nhận", and the letterhead rules.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { evaluate, readDataset } from '../../src/engine';
import { evaluatePeriod } from '../../src/engine/period';
import { HCMC_PLAN } from '../../src/plan';
import { buildPeriodReport } from '../../src/report/docx/period-report';
import { EMPTY_LETTERHEAD, letterheadFromGrid, mergeLetterheads, parseLetterhead } from '../../src/report/docx/letterhead';
import { buildYearReport, shortcomings } from '../../src/report/docx/year-report';
import { WorkbookGrid } from '../../src/workbook/grid';
import { readXlsxFile } from '../../src/xlsx/file';
import { grid, sheet, staffSheet, times, unitsSheet } from '../engine/grids';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

function documentXml(bytes: Uint8Array): { doc: string; text: string; files: string[]; headers: string[] } {
  const files = unzipSync(bytes);
  const doc = strFromU8(files['word/document.xml']);
  const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const headers = Object.keys(files)
    .filter((f) => /^word\/header\d*\.xml$/.test(f))
    .map((f) => strFromU8(files[f]));
  return { doc, text, files: Object.keys(files), headers };
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

const SMALL = grid(
  unitsSheet([
    { name: 'Sở Nội vụ', positions: 1 },
    { name: 'Sở Tư pháp', positions: 0 },
  ]),
  staffSheet([
    { name: 'An', unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' },
    { name: 'Bình', unit: 'Sở Tư pháp', leader: 'x', cchc: 'x', trained: 'không', skills: '??', elearning: 'x' },
  ]),
);

describe('Word report for one year', () => {
  it('has the NĐ 30 page, font, heading block, body, table, sections and signature', async () => {
    const e = evaluate(readDataset(SMALL), HCMC_PLAN, { year: 2024, inclusive: false });
    const bytes = await buildYearReport(e, HCMC_PLAN, {
      lang: 'vi',
      letterhead: mergeLetterheads({ parentAgency: 'ỦY BAN NHÂN DÂN QUẬN 3', agency: 'Phòng Nội vụ', symbol: 'BC-PNV' }),
      date: new Date(2025, 0, 15),
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const { doc, text, headers } = documentXml(bytes);
    const plain = unescape(text);
    // A4 (210 × 297 mm in twips), margins top/bottom 20 mm, left 30 mm, right 15 mm.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(doc).toContain('<w:titlePg');
    expect(doc).toMatch(/w:ascii="Times New Roman"/);
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    for (const s of [
      'ỦY BAN NHÂN DÂN QUẬN 3',
      'PHÒNG NỘI VỤ',
      'Số: ……/BC-PNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quận 3, ngày 15 tháng 01 năm 2025',
      'BÁO CÁO',
      'Đến ngày 31/12/2024, có 1/2 cán bộ lãnh đạo (50 %) được bồi dưỡng về CCHC, chưa đạt chỉ tiêu (kế hoạch trên 90 %; còn thiếu 1 người).',
      'III. ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU (1/2 đơn vị)',
      'Sở Tư pháp',
      'IV. VẤN ĐỀ DỮ LIỆU CẦN RÀ SOÁT',
      'Cán bộ!H3',
      'V. TỒN TẠI, HẠN CHẾ',
      '- Chỉ tiêu T02 (Lãnh đạo được bồi dưỡng CCHC) chưa đạt',
      'VI. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      '- Lưu: VT.',
    ])
      expect(plain).toContain(s);
    for (const t of e.targets) expect(plain).toContain(`${t.id}. ${t.name.vi}`);
  });

  it('says "……" for what is unknown, never a guessed issuer', async () => {
    const e = evaluate(readDataset(SMALL), HCMC_PLAN, { year: 2024, inclusive: false });
    const { text } = documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null }));
    expect(text).not.toContain('THÀNH PHỐ HỒ CHÍ MINH');
    expect(text).toContain('Số: ……/BC-……');
    expect(text).toContain('……, ngày …… tháng …… năm ……');
  });

  it('is written in English too', async () => {
    const e = evaluate(readDataset(SMALL), HCMC_PLAN, { year: 2024, inclusive: false });
    const { text } = documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'en', letterhead: EMPTY_LETTERHEAD, date: null }));
    for (const s of ['SOCIALIST REPUBLIC OF VIETNAM', 'Independence - Freedom - Happiness', 'REPORT', 'Recipients:'])
      expect(unescape(text)).toContain(s);
  });

  it('closes naming the year it reports ("… kết quả thực hiện năm 2024; …")', async () => {
    const e = evaluate(readDataset(SMALL), HCMC_PLAN, { year: 2024, inclusive: false });
    const vi = unescape(
      documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null })).text,
    );
    expect(vi).toContain('Trên đây là báo cáo kết quả thực hiện năm 2024; kính gửi');
    const en = unescape(
      documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'en', letterhead: EMPTY_LETTERHEAD, date: null })).text,
    );
    expect(en).toContain('This concludes the report for 2024./.');
  });
});

describe('a unit listed twice (SPEC §4: the same unit, counted once)', () => {
  const TWICE = grid(
    unitsSheet([
      { name: 'Sở Nội vụ', positions: 1 },
      { name: 'Sở Tư pháp', positions: 0 },
      { name: 'SỞ TƯ PHÁP', positions: 0 },
    ]),
    staffSheet([{ name: 'An', unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' }]),
  );

  it('is counted and listed once among the units not meeting targets, in the year report', async () => {
    const e = evaluate(readDataset(TWICE), HCMC_PLAN, { year: 2024, inclusive: false });
    expect(e.units.map((u) => u.status)).toEqual(['compliant', 'non_compliant', 'non_compliant']);
    const text = unescape(
      documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null })).text,
    );
    expect(text).toContain('III. ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU (1/2 đơn vị)');
    expect(text).toContain('- Có 1 đơn vị chưa đạt một hoặc nhiều chỉ tiêu (mục III).');
    expect(text.match(/Sở Tư pháp/gi)).toHaveLength(1);
  });

  it('is counted and listed once in the period report', async () => {
    const p = evaluatePeriod(readDataset(TWICE), HCMC_PLAN, { inclusive: false });
    const text = unescape(
      documentXml(await buildPeriodReport(p, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null })).text,
    );
    expect(text).toContain('Có 1/2 đơn vị chưa đạt hoặc chưa xác định được trong ít nhất một năm:');
    expect(text.match(/Sở Tư pháp/gi)).toHaveLength(1);
  });
});

// The docx package drops characters XML 1.0 forbids; the reader now decodes "_x0001_" into one, so
// this holds the reports to it (a document holding one does not open).
describe('text a document cannot hold', () => {
  it('a unit name holding a control character (a cell with CHAR(1), or "_x0001_") is written without it', async () => {
    const g = grid(
      unitsSheet([
        { name: 'Sở Nội vụ', positions: 1 },
        { name: 'Sở Tư\u0001 pháp', positions: 0 },
      ]),
      staffSheet([{ name: 'An', unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' }]),
    );
    const e = evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false });
    const { doc, text } = documentXml(
      await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null }),
    );
    expect(doc).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(unescape(text)).toContain('Sở Tư pháp');
  });
});

describe('figures in thousands', () => {
  it('are grouped in the sentences and "Tồn tại, hạn chế" as in the table ("1.200/2.000", "còn thiếu 601")', async () => {
    const g = grid(
      unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
      staffSheet([
        ...times(1200, { unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' }),
        ...times(800, { unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 'không', skills: 'x', elearning: 'x' }),
        ...times(1100, { unit: 'Sở Nội vụ', cchc: 'x', skills: '??', elearning: 'x' }),
      ]),
    );
    const e = evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false });
    const text = unescape(
      documentXml(await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null })).text,
    );
    expect(text).toContain(
      'có 1.200/2.000 cán bộ lãnh đạo (60 %) được bồi dưỡng về CCHC, chưa đạt chỉ tiêu (kế hoạch trên 90 %; còn thiếu 601 người)',
    );
    expect(text).toContain('kết quả 1.200/2.000 (60 %), kế hoạch > 90 %, còn thiếu 601.');
    expect(text).toContain(
      '- Chỉ tiêu T03 (Được cung cấp kiến thức, kỹ năng CCHC) chưa xác định được do 1.100 trường hợp chưa rõ số liệu.',
    );
  });
});

describe('"Tồn tại, hạn chế"', () => {
  it('names a target set for the year that the data cannot judge, instead of saying every target is met', () => {
    // A ward's own file: no sở-ngành or phòng nội vụ (T01 has no population), no activities list.
    const g = grid(
      unitsSheet([{ name: 'UBND Phường Bến Nghé', positions: 1 }]),
      staffSheet(times(3, { unit: 'UBND Phường Bến Nghé', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' })),
    );
    const e = evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false });
    expect(e.targets.find((x) => x.id === 'T01')?.status).toBe('no_data');
    const lines = shortcomings(e, 'vi');
    expect(lines).toContain('- Chỉ tiêu T01 (Bố trí vị trí việc làm CCHC) chưa đánh giá được do chưa đủ số liệu.');
    expect(lines).toContain('- Chỉ tiêu T07 (Lớp bồi dưỡng ở nước ngoài) chưa đánh giá được do chưa đủ số liệu.');
    // T06 has no target in 2024: nothing to say about it.
    expect(lines.some((l) => l.includes('T06'))).toBe(false);
    const met = {
      ...e,
      issues: [],
      targets: e.targets.map((x) => (x.status === 'no_data' ? x : { ...x, status: 'met' as const })),
    };
    expect(shortcomings(met, 'en')).not.toContain('- Every target set for the year is met.');
  });
});

describe('"Đề xuất, kiến nghị" lines', () => {
  it('fit on one line each: the dots at 14 pt within the text width less the 10 mm indent', async () => {
    const e = evaluate(readDataset(SMALL), HCMC_PLAN, { year: 2024, inclusive: false });
    const p = evaluatePeriod(readDataset(SMALL), HCMC_PLAN, { inclusive: false });
    for (const lang of ['vi', 'en'] as const) {
      const o = { lang, letterhead: EMPTY_LETTERHEAD, date: null };
      for (const bytes of [await buildYearReport(e, HCMC_PLAN, o), await buildPeriodReport(p, HCMC_PLAN, o)]) {
        const dots = [...documentXml(bytes).doc.matchAll(/<w:t(?: [^>]*)?>(…{10,})<\/w:t>/g)].map((m) => m[1].length);
        expect(dots).toHaveLength(2);
        // An ellipsis is 1 em wide in Times New Roman (and Liberation Serif): 14 pt each.
        for (const n of dots) expect(n * 14).toBeLessThanOrEqual(((165 - 10) / 25.4) * 72);
      }
    }
  });
});

describe('letterhead', () => {
  let p2: WorkbookGrid;
  beforeAll(async () => {
    p2 = (await readXlsxFile(path.join(FIXTURES, 'p2-government.xlsx'), { name: 'p2-government.xlsx' })).grid;
  });

  const headerRows = (g: WorkbookGrid) => {
    const lists = readDataset(g).lists;
    return new Map([...lists.units, ...lists.staff, ...lists.activities].map((l) => [l.sheet, l.headerTop]));
  };

  it('is read from the workbook’s own heading rows (fixture p2: UBND TP, Sở Nội vụ, BC-SNV)', () => {
    const lh = letterheadFromGrid(p2, headerRows(p2));
    expect(lh).toEqual({
      parentAgency: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
      agency: 'SỞ NỘI VỤ',
      place: 'Thành phố Hồ Chí Minh',
      symbol: 'BC-SNV',
    });
  });

  it('gives no issuer when sheets disagree, and none from a workbook without heading rows', () => {
    const head = (a: string, b: string) => [[a], [b], [], ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC']];
    const g = grid(
      sheet('A', [...head('ỦY BAN NHÂN DÂN QUẬN 3', 'PHÒNG NỘI VỤ'), [1, 'Sở Nội vụ', null, 1]]),
      sheet('B', [...head('ỦY BAN NHÂN DÂN QUẬN 5', 'PHÒNG NỘI VỤ'), [1, 'Sở Tư pháp', null, 1]]),
    );
    expect(
      letterheadFromGrid(
        g,
        new Map([
          ['A', 3],
          ['B', 3],
        ]),
      ),
    ).toEqual({});
    expect(letterheadFromGrid(g, new Map([['A', 3]]))).toEqual({
      parentAgency: 'ỦY BAN NHÂN DÂN QUẬN 3',
      agency: 'PHÒNG NỘI VỤ',
      place: 'Quận 3',
    });
    expect(letterheadFromGrid(SMALL, headerRows(SMALL))).toEqual({});
    const long = grid(sheet('A', [...head(`SỞ ${'NỘI VỤ '.repeat(40)}`, 'GHI CHÚ'), [1, 'Sở Nội vụ', null, 1]]));
    expect(letterheadFromGrid(long, new Map([['A', 3]]))).toEqual({});
  });

  it('flags win over a file, a file over the workbook; a bad file is refused naming the field', () => {
    const lh = mergeLetterheads({ agency: 'SỞ NỘI VỤ', place: 'X' }, parseLetterhead({ agency: 'PHÒNG NỘI VỤ' }), {
      signerName: 'Nguyễn Văn A',
    });
    expect([lh.agency, lh.place, lh.signerName, lh.parentAgency]).toEqual(['PHÒNG NỘI VỤ', 'X', 'Nguyễn Văn A', null]);
    expect(() => parseLetterhead({ agencyy: 'x' })).toThrow(/agencyy/);
    expect(() => parseLetterhead({ recipients: 'x' })).toThrow(/recipients/);
    expect(() => parseLetterhead([])).toThrow();
  });
});

describe('Word report for the period', () => {
  it('has every target × year and what was never met', async () => {
    const p = evaluatePeriod(readDataset(SMALL), HCMC_PLAN, { inclusive: false });
    const { text } = documentXml(await buildPeriodReport(p, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null }));
    const plain = unescape(text);
    for (const s of [
      'giai đoạn 2022 – 2025',
      'I. KẾT QUẢ CÁC CHỈ TIÊU QUA CÁC NĂM',
      '2022',
      '2025',
      'IV. CHỈ TIÊU CHƯA ĐẠT TRONG CẢ GIAI ĐOẠN',
      'Nơi nhận:',
    ])
      expect(plain).toContain(s);
    for (const id of p.neverMet) expect(plain).toContain(`- ${id} (`);
    for (const t of p.targets) expect(plain).toContain(`${t.id}. ${t.name.vi}`);
  });
});

describe('the period report’s chart', () => {
  it('draws the rate targets across the years as a line chart', async () => {
    const p = evaluatePeriod(readDataset(SMALL), HCMC_PLAN, { inclusive: false });
    const files = unzipSync(await buildPeriodReport(p, HCMC_PLAN, { lang: 'vi', letterhead: EMPTY_LETTERHEAD, date: null }));
    const chart = Object.keys(files).find((f) => /^word\/charts\/chart\d*\.xml$/.test(f));
    expect(chart).toBeDefined();
    const xml = strFromU8(files[chart as string]);
    expect(xml).toContain('<c:lineChart>');
    for (const id of ['T01', 'T02', 'T03', 'T04']) expect(xml).toContain(`<c:v>${id}</c:v>`);
  });
});
