/** @jest-environment jsdom */
/**
 * Failures: the adapter's AddinError in the pane's language, in an alert that says what to do;
 * anything else as a generic sentence with its text; a failed first read offers to try again.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { waitFor } from '@testing-library/react';
import { AddinError } from '../../src/excel/errors';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, isDisabled, renderApp, screen, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

test('a protected sheet: the Vietnamese message in an alert, buttons usable again', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, {
    evaluate: jest.fn(async () => Promise.reject(new AddinError('sheet_protected', { sheet: 'DS đơn vị' }))),
  });
  renderApp(actions);
  const evaluate = await screen.findByRole('button', { name: 'Đánh giá' });
  await user.click(evaluate);
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('Chưa làm được')).toBeTruthy();
  expect(alert.textContent).toContain(
    'Trang tính "DS đơn vị" đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại; chưa có gì được ghi.',
  );
  expect(isDisabled(evaluate)).toBe(false);
  expect(screen.queryByRole('heading', { name: /^Kết quả năm/ })).toBeNull();

  await user.click(within(alert).getByRole('button', { name: 'Đóng thông báo' }));
  expect(screen.queryByRole('alert')).toBeNull();
});

test('an error from writing the report is shown the same way', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, { report: jest.fn(async () => Promise.reject(new AddinError('workbook_protected'))) });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await screen.findByRole('heading', { name: 'Kết quả năm 2024' });
  await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
  expect((await screen.findByRole('alert')).textContent).toContain('Cấu trúc sổ làm việc đang được bảo vệ');
});

test('anything else: a generic message with its text', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, { evaluate: jest.fn(async () => Promise.reject(new TypeError('x is undefined'))) });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  expect((await screen.findByRole('alert')).textContent).toContain(
    'Có lỗi ngoài dự kiến: x is undefined. Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại phần bổ trợ.',
  );
});

test('a failed first read says so and offers to look again', async () => {
  const user = userEvent.setup();
  const detect = jest.fn().mockRejectedValueOnce(new AddinError('cell_edit_mode')).mockResolvedValue(sample.detection);
  const actions = fakeActions(sample, { detect });
  renderApp(actions);
  expect((await screen.findByRole('alert')).textContent).toContain('Excel đang ở chế độ sửa ô.');
  await user.click(screen.getByRole('button', { name: 'Tìm lại danh sách' }));
  expect(await screen.findByRole('heading', { name: 'Danh sách trong sổ tính' })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  await waitFor(() => expect(actions.detect).toHaveBeenCalledTimes(2));
});

test('selecting a cell that is gone shows the adapter message', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, {
    select: jest.fn(async () => Promise.reject(new AddinError('sheet_missing', { sheet: 'DS đơn vị' }))),
  });
  renderApp(actions, 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await user.click(await screen.findByRole('button', { name: /^Sở Nội vụ/ }));
  expect((await screen.findByRole('alert')).textContent).toContain('Không còn trang tính "DS đơn vị"');
});
