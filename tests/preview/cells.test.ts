/**
 * How the preview draws a cell's text: numbers in the workbook's number format, Vietnamese style
 * when the page is Vietnamese ("93,02%", "1.500"); text runs on over empty cells and is cut at the
 * first cell with content, as Excel does; a file that cannot be opened is said in one language.
 */
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { localNumberText } from '../../src/preview/number-text';
import { openReason } from '../../src/preview/open-error';
import { buildWorkbookView, ptToPx } from '../../src/preview/sheet-view';
import { PREVIEW_TEXT } from '../../src/preview/text';

installExcelEnums();

function book(): FakeExcel {
  return new FakeExcel({
    sheets: [
      {
        name: 'S',
        values: [
          ['Một dòng chữ rất dài chạy sang bên phải', null, null, 'D1', null],
          ['Chữ dài nhưng ô bên cạnh có nội dung', 'B2', null, null, null],
          [0.9302, 1500, 1234.5, null, null],
        ],
        numberFormats: { A3: '0.00%', B3: '#,##0', C3: '#,##0.00' },
        columnWidths: { A: 60, B: 50, C: 40 },
      },
    ],
  });
}

const cellOf = (fake: FakeExcel, address: string, lang: 'vi' | 'en' = 'vi') => {
  const view = buildWorkbookView(fake, { lang }).sheet;
  const cell = view.rows.flatMap((r) => r.cells).find((c) => c.address === address);
  if (!cell) throw new Error(`no ${address}`);
  return cell;
};

test('numbers use the number format, with a decimal comma and thousands dot in Vietnamese', () => {
  const fake = book();
  expect(cellOf(fake, 'A3').text).toBe('93,02%');
  expect(cellOf(fake, 'B3').text).toBe('1.500');
  expect(cellOf(fake, 'C3').text).toBe('1.234,50');
  expect(cellOf(fake, 'A3', 'en').text).toBe('93.02%');
  expect(cellOf(fake, 'B3', 'en').text).toBe('1,500');
});

test('dates keep their own separators; English text is left alone', () => {
  expect(localNumberText('26.11.2026', 'dd.mm.yyyy', 'vi')).toBe('26.11.2026');
  expect(localNumberText('1,234.5', '#,##0.0', 'vi')).toBe('1.234,5');
  expect(localNumberText('1,234.5', '#,##0.0', 'en')).toBe('1,234.5');
});

test('text runs on over empty cells only, up to the next cell with content', () => {
  const fake = book();
  const a1 = cellOf(fake, 'A1');
  // B1 and C1 are empty, D1 is not: A1 may take A, B and C.
  expect(a1.spillPx).toBe(ptToPx(60) + ptToPx(50) + ptToPx(40));
  expect(a1.style.overflow).toBe('visible');
  // B2 has content: A2 stays in its cell (clipped by the cell class).
  const a2 = cellOf(fake, 'A2');
  expect(a2.spillPx).toBeUndefined();
  expect(a2.style.overflow).toBeUndefined();
  // Numbers never run on.
  expect(cellOf(fake, 'C3').spillPx).toBeUndefined();
});

test('a file that cannot be opened is said in the page language only', () => {
  const reason = openReason(new Error('not an .xlsx workbook'));
  expect(reason).toBe('notXlsx');
  expect(PREVIEW_TEXT.vi.openFailed('ghi-chu.txt', PREVIEW_TEXT.vi.openReasons[reason])).toBe(
    'Không mở được "ghi-chu.txt": đây không phải sổ tính .xlsx.',
  );
  expect(openReason(new Error('empty file'))).toBe('empty');
  expect(openReason(new Error('an old .xls or an encrypted workbook; save it as .xlsx'))).toBe('oldFormat');
  expect(openReason(new Error('no sheets'))).toBe('noSheets');
  expect(openReason(new Error('Cannot read properties of undefined'))).toBe('damaged');
});
