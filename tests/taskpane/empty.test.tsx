/** @jest-environment jsdom */
/**
 * Nothing found: the pane explains which lists and headers it expects and offers the sample;
 * "Chèn dữ liệu mẫu" inserts it and then looks for the lists again.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { waitFor } from '@testing-library/react';
import { AddinError } from '../../src/excel/errors';
import type { Detection } from '../../src/taskpane/actions';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, isDisabled, renderApp, screen, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

const nothing: Detection = { lists: [], missing: ['units', 'staff', 'activities'], remembered: {} };

test('detect rejecting with no_lists shows the empty state with the expected lists and headers', async () => {
  const actions = fakeActions(sample, { detect: jest.fn(async () => Promise.reject(new AddinError('no_lists'))) });
  renderApp(actions);
  const empty = await screen.findByRole('region', { name: 'Chưa tìm thấy danh sách nào' });
  expect(actions.detect).toHaveBeenCalledTimes(1);
  const items = within(empty)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  expect(items).toHaveLength(3);
  expect(items[0]).toMatch(/^Danh sách đơn vị — các cột như "Tên đơn vị", "Loại đơn vị", "Số vị trí việc làm CCHC"/);
  expect(items[1]).toMatch(/^Danh sách cán bộ, công chức, viên chức — .*"Họ và tên".*"Bồi dưỡng CCHC"/);
  expect(items[2]).toMatch(/^Danh sách hoạt động — .*"Loại hoạt động", "Hình thức", "Thời gian"/);
  // Not an error: no alert, and nothing to evaluate yet.
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Đánh giá' })).toBeNull();
  expect(within(empty).getByRole('button', { name: 'Chèn dữ liệu mẫu' })).toBeTruthy();
});

test('a detection with every list missing is the empty state too', async () => {
  renderApp(fakeActions(sample, { detect: jest.fn(async () => nothing) }));
  expect(await screen.findByRole('heading', { name: 'Chưa tìm thấy danh sách nào', level: 2 })).toBeTruthy();
});

test('Chèn dữ liệu mẫu inserts the sample, then finds the lists again and shows them', async () => {
  const user = userEvent.setup();
  const detect = jest.fn<Promise<Detection>, []>().mockResolvedValueOnce(nothing).mockResolvedValue(sample.detection);
  const actions = fakeActions(sample, { detect });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Chèn dữ liệu mẫu' }));

  expect(await screen.findByText(`Đã chèn dữ liệu mẫu vào các trang tính mới: ${sample.sheets.join(', ')}.`)).toBeTruthy();
  expect(actions.insertSample).toHaveBeenCalledTimes(1);
  expect(actions.detect).toHaveBeenCalledTimes(2);
  expect(actions.insertSample.mock.invocationCallOrder[0]).toBeLessThan(actions.detect.mock.invocationCallOrder[1]);
  expect(screen.queryByRole('heading', { name: 'Chưa tìm thấy danh sách nào' })).toBeNull();
  const lists = screen.getByRole('heading', { name: 'Danh sách trong sổ tính', level: 2 });
  // The keyboard follows: focus is on the lists, not left on <body> where the button was.
  await waitFor(() => expect(document.activeElement).toBe(lists));
  expect(screen.getByRole('region', { name: /^Danh sách đơn vị / })).toBeTruthy();
  await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: 'Đánh giá' }))).toBe(false));
});

test('a failing insert shows why and keeps the empty state', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, {
    detect: jest.fn(async () => nothing),
    insertSample: jest.fn(async () => Promise.reject(new AddinError('workbook_protected'))),
  });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Chèn dữ liệu mẫu' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Cấu trúc sổ làm việc đang được bảo vệ');
  expect(actions.detect).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('button', { name: 'Chèn dữ liệu mẫu' })).toBeTruthy();
});
