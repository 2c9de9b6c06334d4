/** @jest-environment jsdom */
/**
 * The letterhead form beside "Báo cáo Word": opened, it is filled from what was saved, else from
 * the workbook's heading rows, "……" where unknown; "Lưu" saves only what differs from the
 * workbook. And where the pane cannot download (Office on Mac/iPad), the Word buttons write the
 * report sheet and say why.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { editsOf, textsOf } from '../../src/taskpane/LetterheadForm';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults(2024);
}, 60_000);

const fromWorkbook = { parentAgency: 'ỦY BAN NHÂN DÂN QUẬN 3', agency: 'PHÒNG NỘI VỤ', place: 'Quận 3' };
const word = jest.fn(async () => ({ bytes: new Uint8Array([80, 75, 3, 4]), fileName: 'bao-cao-cchc-2024.docx' }));

async function evaluated(actions: ReturnType<typeof fakeActions>) {
  const user = userEvent.setup();
  renderApp(actions, 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }, { timeout: 15_000 }));
  await screen.findByRole('button', { name: 'Báo cáo Word' }, { timeout: 15_000 });
  return user;
}

test('opened, filled from the saved and the workbook; saving keeps only the edits', async () => {
  const letterhead = jest.fn(async () => ({ fromWorkbook, saved: { signerName: 'Nguyễn Thị Lan' } }));
  const saveLetterhead = jest.fn(async (lh: object) => lh);
  const user = await evaluated(fakeActions(sample, { wordReport: word, letterhead, saveLetterhead }));
  expect(letterhead).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Thông tin văn bản (Word)' }));
  const form = await screen.findByRole('form', { name: 'Thông tin văn bản (Word)' });
  expect(letterhead).toHaveBeenCalledTimes(1);
  const box = (label: string) => within(form).getByRole('textbox', { name: label }) as HTMLInputElement;
  expect(box('Cơ quan chủ quản').value).toBe('ỦY BAN NHÂN DÂN QUẬN 3');
  expect(box('Cơ quan ban hành').value).toBe('PHÒNG NỘI VỤ');
  expect(box('Người ký').value).toBe('Nguyễn Thị Lan');
  expect(box('Chức vụ người ký').value).toBe('');
  expect(box('Chức vụ người ký').placeholder).toBe('……');

  await user.type(box('Chức vụ người ký'), 'PHÓ TRƯỞNG PHÒNG');
  await user.type(box('Nơi nhận'), 'UBND Quận 3;{Enter}Lưu: VT.');
  await user.click(within(form).getByRole('button', { name: 'Lưu' }));
  expect(saveLetterhead).toHaveBeenCalledWith({
    signerTitle: 'PHÓ TRƯỞNG PHÒNG',
    signerName: 'Nguyễn Thị Lan',
    recipients: ['UBND Quận 3;', 'Lưu: VT.'],
  });
  expect(await within(form).findByText('Đã lưu thông tin văn bản trong sổ tính này.')).toBeTruthy();
});

test('without a place to keep it (no such action) the form is not offered', async () => {
  await evaluated(fakeActions(sample, { wordReport: word }));
  expect(screen.queryByRole('button', { name: 'Thông tin văn bản (Word)' })).toBeNull();
});

test('texts and edits: saved over the workbook, blanks dropped, unchanged workbook values not saved', () => {
  const texts = textsOf({ fromWorkbook: { ...fromWorkbook, recipients: ['Như trên;'] }, saved: { agency: 'SỞ NỘI VỤ' } });
  expect(texts).toMatchObject({
    agency: 'SỞ NỘI VỤ',
    parentAgency: 'ỦY BAN NHÂN DÂN QUẬN 3',
    recipients: 'Như trên;',
    number: '',
  });
  expect(
    editsOf({ ...texts, number: '  12 ', recipients: 'Như trên;\n\n' }, { ...fromWorkbook, recipients: ['Như trên;'] }),
  ).toEqual({
    agency: 'SỞ NỘI VỤ',
    number: '12',
  });
});

test('Office on Mac/iPad: the Word button writes the report sheet and says why, nothing downloaded', async () => {
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const actions = fakeActions(sample, { wordReport: word, wordReportWay: jest.fn(() => 'sheet') });
  const user = await evaluated(actions);
  await user.click(screen.getByRole('button', { name: 'Báo cáo Word' }));
  expect(await screen.findByText(/Office trên Mac và iPad không cho phần bổ trợ tải tệp về.*"Báo cáo CCHC 2024"/)).toBeTruthy();
  expect(screen.getByText(/cchc report TỆP.xlsx --year NĂM --docx/)).toBeTruthy();
  expect(actions.report).toHaveBeenCalledTimes(1);
  expect(word).not.toHaveBeenCalled();
  expect(click).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Báo cáo tổng kết 2022–2025 (Word)' }));
  expect(await screen.findByText(/báo cáo năm đã được ghi.*cchc report TỆP.xlsx --period --docx/)).toBeTruthy();
  click.mockRestore();
});

test('Office on Mac/iPad, the summary: written as the period sheet where the session makes one', async () => {
  const reportSheet = jest.fn(async () => ({ sheet: 'Tổng kết CCHC 2022-2025', kept: null, syncs: 2, read: null as never }));
  const actions = fakeActions(sample, { wordReport: word, wordReportWay: jest.fn(() => 'sheet'), reportSheet });
  const user = await evaluated(actions);
  await user.click(screen.getByRole('button', { name: 'Báo cáo tổng kết 2022–2025 (Word)' }));
  expect(
    await screen.findByText(/nên báo cáo tổng kết đã được ghi vào trang "Tổng kết CCHC 2022-2025".*--period --docx/),
  ).toBeTruthy();
  expect(reportSheet).toHaveBeenCalledWith('period', expect.anything());
  expect(actions.report).not.toHaveBeenCalled();
  expect(word).not.toHaveBeenCalled();
});

test('in Word: the report is inserted into the document, not downloaded', async () => {
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const insertWordReport = jest.fn(async () => undefined);
  const actions = fakeActions(sample, { wordReport: word, wordReportWay: jest.fn(() => 'word'), insertWordReport });
  const user = await evaluated(actions);
  await user.click(screen.getByRole('button', { name: 'Báo cáo Word' }));
  expect(await screen.findByText('Đã chèn báo cáo "bao-cao-cchc-2024.docx" vào cuối văn bản Word.')).toBeTruthy();
  expect(insertWordReport).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]));
  expect(click).not.toHaveBeenCalled();
  click.mockRestore();
});
