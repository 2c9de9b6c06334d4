/** @jest-environment jsdom */
/**
 * After Đánh giá: a card per target with its status, figures, gap and unknowns (T05 with both
 * parts, T07 with the share of non-leaders), the units to follow up (searchable, each selecting
 * its row) and the data issues (each selecting its cell), and the write buttons.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import type { Evaluation } from '../../src/engine';
import type { Issue } from '../../src/workbook/issues';
import { SampleResults, sampleResults } from './fixtures';
import { waitFor } from '@testing-library/react';
import { FakeActions, card, fakeActions, isDisabled, renderApp, screen, within } from './helpers';

jest.setTimeout(60_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults(2024);
}, 60_000);

async function evaluated(actions: FakeActions) {
  const user = userEvent.setup();
  renderApp(actions, 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await screen.findByRole('heading', { name: 'Kết quả năm 2024', level: 2 });
  return user;
}

test('Đánh giá evaluates the chosen year with the chosen reading, and says so', async () => {
  const actions = fakeActions(sample);
  await evaluated(actions);
  expect(actions.evaluate).toHaveBeenCalledTimes(1);
  expect(actions.evaluate).toHaveBeenCalledWith(2024, false, expect.objectContaining({ signal: expect.any(AbortSignal) }));
  expect(
    screen.getByText('Đạt 6/10 chỉ tiêu; không đạt 1; chưa xác định 2; không áp dụng (năm này không có chỉ tiêu) 1.'),
  ).toBeTruthy();
  expect(screen.getByRole('status').textContent).toMatch(/^Đã đánh giá năm 2024\./);
});

test('one card per target, T01 to T10, with its status word', async () => {
  await evaluated(fakeActions(sample));
  const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.split(' ·')[0]);
  expect(titles.filter((t) => /^T\d/.test(t ?? ''))).toEqual([
    'T01',
    'T02',
    'T03',
    'T04',
    'T05',
    'T06',
    'T07',
    'T08',
    'T09',
    'T10',
  ]);
  expect(within(card('T01')).getByText('Không đạt')).toBeTruthy();
  expect(within(card('T02')).getByText('Đạt')).toBeTruthy();
  expect(within(card('T04')).getByText('Chưa xác định')).toBeTruthy();
  expect(within(card('T06')).getByText('Không áp dụng')).toBeTruthy();
});

test('a rate target: k/n = %, the plan, the unknown rows, the gap and a progress bar', async () => {
  await evaluated(fakeActions(sample));
  const t01 = within(card('T01'));
  expect(t01.getByText('37/43 = 86,05 % (kế hoạch > 90 %) (+1 chưa rõ)')).toBeTruthy();
  expect(t01.getByText('Còn thiếu 2')).toBeTruthy();
  const bar = t01.getByRole('progressbar');
  expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(0.8605 / 0.9, 4);
  // Met: no gap shown.
  expect(within(card('T02')).queryByText(/Còn thiếu/)).toBeNull();
});

test('count targets, a year without a threshold, and T05 with both parts in one card', async () => {
  await evaluated(fakeActions(sample));
  expect(within(card('T06')).getByText('37 (năm 2024 không đặt chỉ tiêu, chỉ theo dõi tiến độ)')).toBeTruthy();
  expect(within(card('T06')).queryByRole('progressbar')).toBeNull();
  const t05 = within(card('T05'));
  expect(t05.getByText('Đạt 2/2 phần')).toBeTruthy();
  expect(t05.getByRole('heading', { level: 4, name: /^T05a · Quy hoạch chức danh lãnh đạo/ })).toBeTruthy();
  expect(t05.getByRole('heading', { level: 4, name: /^T05b · Luân chuyển, bổ nhiệm lãnh đạo/ })).toBeTruthy();
  expect(t05.getByText('11 (kế hoạch ≥ 10) (+1 chưa rõ)')).toBeTruthy();
  expect(t05.getByText('6 (kế hoạch ≥ 5)')).toBeTruthy();
  expect(screen.queryByRole('region', { name: /^T05a ·/ })).toBeNull();
  const t08 = within(card('T08'));
  expect(t08.getByText('0 (kế hoạch ≥ 1) (+1 chưa rõ)')).toBeTruthy();
  expect(t08.getByText('Còn thiếu 1')).toBeTruthy();
});

test('T07 reports the share of participants without a leadership post', async () => {
  await evaluated(fakeActions(sample));
  expect(within(card('T07')).getByText('Người không giữ chức vụ lãnh đạo: 10/19 (52,63 %)')).toBeTruthy();
  expect(within(card('T09')).queryByText(/không giữ chức vụ lãnh đạo/)).toBeNull();
});

test('a target without data says why instead of showing figures', async () => {
  const e = sample.evaluation;
  const noData: Evaluation = {
    ...e,
    targets: e.targets.map((t) => (t.id === 'T03' ? { ...t, status: 'no_data', actual: null, gap: null, population: 0 } : t)),
  };
  await evaluated(fakeActions(sample, { evaluate: jest.fn(async () => noData) }));
  const t03 = within(card('T03'));
  expect(t03.getByText('Không có dữ liệu')).toBeTruthy();
  expect(t03.getByText(/^Không có dữ liệu: thiếu danh sách hoặc cột cần thiết/)).toBeTruthy();
  expect(t03.queryByRole('progressbar')).toBeNull();
});

test('the units to follow up: non-compliant and undetermined, with failed targets; search narrows them', async () => {
  const user = await evaluated(fakeActions(sample));
  const flagged = sample.evaluation.units.filter((u) => u.status === 'non_compliant' || u.status === 'undetermined');
  const units = screen.getByRole('region', { name: /^Đơn vị không đạt, chưa xác định/ });
  expect(within(units).getByRole('heading', { level: 2 }).textContent).toBe(
    `Đơn vị không đạt, chưa xác định (${flagged.length})`,
  );
  expect(within(units).getAllByRole('listitem')).toHaveLength(flagged.length);
  const noiVu = within(units).getByRole('button', { name: /^Sở Nội vụ/ });
  expect(noiVu.textContent).toContain('Chỉ tiêu không đạt: T01, T02, T03, T04');
  expect(noiVu.textContent).toContain('DS đơn vị!A11');

  // Typed without diacritics, as on a keyboard without a Vietnamese input method.
  await user.type(within(units).getByRole('searchbox', { name: 'Tìm đơn vị' }), 'noi vu');
  const shown = within(units)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(flagged.length);
  expect(shown.every((t) => /Nội vụ/i.test(t))).toBe(true);

  await user.clear(within(units).getByRole('searchbox'));
  await user.type(within(units).getByRole('searchbox'), 'không có đơn vị này');
  expect(within(units).queryAllByRole('listitem')).toHaveLength(0);
  expect(within(units).getByText('Không có đơn vị nào khớp với từ cần tìm.')).toBeTruthy();
});

test('choosing a unit selects its row; choosing an issue selects its cell', async () => {
  const actions = fakeActions(sample);
  const user = await evaluated(actions);
  await user.click(screen.getByRole('button', { name: /^Sở Nội vụ/ }));
  expect(actions.select).toHaveBeenLastCalledWith('DS đơn vị', 'A11');

  const issues = screen.getByRole('region', { name: /^Dữ liệu cần xem lại/ });
  const first = sample.evaluation.issues[0];
  const button = within(issues).getAllByRole('button')[0];
  expect(button.textContent).toContain('Giá trị không đọc được');
  expect(button.textContent).toContain(`${first.sheet}!${first.cell}`);
  await user.click(button);
  expect(actions.select).toHaveBeenLastCalledWith(first.sheet, first.cell);
  expect(actions.select).toHaveBeenCalledTimes(2);
});

test('an issue without a cell is listed but is not a button', async () => {
  const listMissing: Issue = {
    kind: 'missing_column',
    reason: 'list_missing',
    sheet: '',
    cell: '',
    value: 'Danh sách hoạt động',
    list: 'activities',
  };
  const e: Evaluation = { ...sample.evaluation, issues: [listMissing, ...sample.evaluation.issues] };
  await evaluated(fakeActions(sample, { evaluate: jest.fn(async () => e) }));
  const issues = screen.getByRole('region', { name: /^Dữ liệu cần xem lại/ });
  expect(within(issues).getAllByRole('listitem')).toHaveLength(e.issues.length);
  expect(within(issues).getAllByRole('button')).toHaveLength(sample.evaluation.issues.length);
  expect(within(issues).getByText('Không tìm thấy danh sách hoạt động trong sổ tính.')).toBeTruthy();
});

test('long lists show 200 at a time', async () => {
  const many: Issue[] = Array.from({ length: 450 }, (_, i) => ({
    kind: 'unknown_value',
    reason: 'not_a_marker',
    sheet: 'DS CBCCVC',
    cell: `G${i + 10}`,
    value: '?',
  }));
  const user = await evaluated(fakeActions(sample, { evaluate: jest.fn(async () => ({ ...sample.evaluation, issues: many })) }));
  const issues = screen.getByRole('region', { name: /^Dữ liệu cần xem lại/ });
  // Counted through the DOM: role queries over hundreds of rows are slow in jsdom.
  const rows = () => issues.querySelectorAll('ul > li').length;
  expect(rows()).toBe(200);
  expect(within(issues).getByText('Đang hiện 200/450.')).toBeTruthy();
  await user.click(within(issues).getByText('Hiện thêm 200'));
  expect(rows()).toBe(400);
  await user.click(within(issues).getByText('Hiện thêm 50'));
  expect(rows()).toBe(450);
  expect(within(issues).queryByText(/Hiện thêm/)).toBeNull();
});

test('coloring and the report wait for an evaluation, then say what they did', async () => {
  const actions = fakeActions(sample);
  const user = userEvent.setup();
  renderApp(actions, 'vi', 2024);
  const colorButton = await screen.findByRole('button', { name: 'Tô màu đơn vị' });
  expect(isDisabled(colorButton)).toBe(true);
  expect(isDisabled(screen.getByRole('button', { name: 'Tạo báo cáo' }))).toBe(true);
  expect(screen.getByText('Bấm Đánh giá trước khi tô màu hoặc tạo báo cáo.')).toBeTruthy();
  await user.click(colorButton);
  expect(actions.color).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Đánh giá' }));
  await screen.findByRole('heading', { name: 'Kết quả năm 2024' });
  expect(isDisabled(screen.getByRole('button', { name: 'Tô màu đơn vị' }))).toBe(false);

  await user.click(screen.getByRole('button', { name: 'Tô màu đơn vị' }));
  expect(actions.color).toHaveBeenCalledWith(expect.objectContaining({ signal: expect.any(AbortSignal) }));
  expect(await screen.findByText(/^Đã tô màu 123 đơn vị và ghi cột trạng thái\./)).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
  expect(await screen.findByText('Đã tạo trang báo cáo "Báo cáo CCHC 2024".')).toBeTruthy();
  // Success messages can be dismissed.
  await user.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
  expect(screen.queryByText('Đã tạo trang báo cáo "Báo cáo CCHC 2024".')).toBeNull();
});

test('Xóa màu clears colors, and the report sheets too when asked; the evaluation stays usable', async () => {
  const actions = fakeActions(sample);
  const user = await evaluated(actions);
  await user.click(screen.getByRole('button', { name: 'Xóa màu' }));
  expect(actions.clear).toHaveBeenLastCalledWith(false);
  expect(await screen.findByText(/^Đã xóa 1 cột trạng thái, 3 quy tắc tô màu\./)).toBeTruthy();
  // Clearing does not change the figures: coloring and the report stay available.
  expect(isDisabled(screen.getByRole('button', { name: 'Tô màu đơn vị' }))).toBe(false);
  expect(isDisabled(screen.getByRole('button', { name: 'Tạo báo cáo' }))).toBe(false);
  expect(screen.queryByText('Bấm Đánh giá lại trước khi tô màu hoặc tạo báo cáo.')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Tô màu đơn vị' }));
  expect(actions.color).toHaveBeenCalledTimes(1);

  await user.click(screen.getByRole('checkbox', { name: 'Xóa cả các trang báo cáo' }));
  await user.click(screen.getByRole('button', { name: 'Xóa màu' }));
  expect(actions.clear).toHaveBeenLastCalledWith(true);
});

test('the year and the reading of "trên X %" go to evaluate; a changed choice marks the results old', async () => {
  const actions = fakeActions(sample);
  const user = await evaluated(actions);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Năm đánh giá (tính đến 31/12)' }), '2025');
  await user.click(screen.getByRole('checkbox', { name: 'Hiểu "trên X %" là "từ X % trở lên"' }));
  expect(screen.getByText('Năm hoặc cách hiểu "trên X %" đã đổi; bấm Đánh giá để tính lại.')).toBeTruthy();
  expect(screen.getByText('Mặc định: "trên 80 %" nghĩa là lớn hơn 80 %; bật để tính cả đúng 80 %.')).toBeTruthy();
  const evaluate = screen.getByRole('button', { name: 'Đánh giá' });
  await user.click(evaluate);
  expect(actions.evaluate).toHaveBeenLastCalledWith(2025, true, expect.anything());
  await waitFor(() => expect(isDisabled(evaluate)).toBe(false));
});
