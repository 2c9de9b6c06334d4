/** @jest-environment jsdom */
/**
 * The rough edges a new user hit, one test each: a field inferred from another column is not
 * reported missing and the card opens only the pickers that matter; lists of the same kind get
 * distinct names; the summary names every status so it adds up; notices are labelled by text that
 * exists; the unit search's clear button speaks the pane's language.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import type { Detection } from '../../src/taskpane/actions';
import { STRINGS } from '../../src/taskpane/strings';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen, withoutColumn, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

const STAFF = /^Danh sách cán bộ, công chức, viên chức /;

test('no "Lãnh đạo" column but titles to infer it from: "suy ra từ chức vụ", not "Thiếu cột"', async () => {
  renderApp(fakeActions(sample, { detect: jest.fn(async () => withoutColumn(sample.detection, 'staff', 'leader')) }));
  const staff = await screen.findByRole('region', { name: STAFF });
  expect(within(staff).getByText('Lãnh đạo: suy ra từ chức vụ (không có cột riêng)')).toBeTruthy();
  expect(within(staff).queryByText(/Thiếu cột/)).toBeNull();
  // Nothing is missing, so no picker is open.
  expect(within(staff).queryAllByRole('combobox')).toHaveLength(0);
});

test('no "Lãnh đạo" and no title column either: the leader field is missing, and only its picker opens', async () => {
  const bare = withoutColumn(withoutColumn(sample.detection, 'staff', 'leader'), 'staff', 'title');
  const user = userEvent.setup();
  renderApp(fakeActions(sample, { detect: jest.fn(async () => bare) }));
  const staff = await screen.findByRole('region', { name: STAFF });
  expect(within(staff).getByText('Thiếu cột cần cho chỉ tiêu: Lãnh đạo.')).toBeTruthy();
  expect(within(staff).queryByText(/suy ra từ chức vụ \(không/)).toBeNull();
  expect(
    within(staff)
      .getAllByRole('combobox')
      .map((c) => c.getAttribute('aria-label') ?? c.id),
  ).toHaveLength(1);
  expect(within(staff).getByRole('combobox', { name: /^Lãnh đạo/ })).toBeTruthy();
  // The rest on demand.
  await user.click(within(staff).getByRole('button', { name: 'Xem, sửa cột' }));
  expect(within(staff).getAllByRole('combobox').length).toBeGreaterThan(5);
});

test('three staff sheets: three regions with distinct names (title and sheet)', async () => {
  const staff = sample.detection.lists.find((l) => l.kind === 'staff');
  if (!staff) throw new Error('the sample has a staff list');
  const three: Detection = {
    ...sample.detection,
    lists: [
      ...sample.detection.lists.filter((l) => l.kind !== 'staff'),
      ...['Sở A', 'Sở B', 'Sở C'].map((sheet) => ({ ...staff, sheet })),
    ],
  };
  renderApp(fakeActions(sample, { detect: jest.fn(async () => three) }));
  await screen.findAllByRole('region', { name: STAFF });
  const names = screen.getAllByRole('region', { name: STAFF }).map((r) => {
    const ids = (r.getAttribute('aria-labelledby') ?? '').split(' ');
    return ids.map((id) => document.getElementById(id)?.textContent).join(' ');
  });
  expect(names).toEqual([
    'Danh sách cán bộ, công chức, viên chức Trang tính: Sở A',
    'Danh sách cán bộ, công chức, viên chức Trang tính: Sở B',
    'Danh sách cán bộ, công chức, viên chức Trang tính: Sở C',
  ]);
});

test('the summary adds up: every target is counted under one status', () => {
  const c = { met: 3, notMet: 5, undetermined: 1, noData: 0, noTarget: 1, total: 10 };
  expect(STRINGS.vi.summary(c)).toBe(
    'Đạt 3/10 chỉ tiêu; không đạt 5; chưa xác định 1; không áp dụng (năm này không có chỉ tiêu) 1.',
  );
  expect(STRINGS.en.summary({ ...c, noTarget: 0, noData: 1 })).toBe(
    '3 of 10 targets met; 5 not met; 1 undetermined; 1 with no data.',
  );
});

test('a success notice is labelled by an element that exists; the search clear button is in Vietnamese', async () => {
  const user = userEvent.setup();
  renderApp(fakeActions(sample), 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await screen.findByRole('heading', { name: 'Kết quả năm 2024' }, { timeout: 10_000 });
  const notice = screen.getByRole('group', { name: /^Đã đánh giá năm 2024\./ });
  const labelledBy = notice.getAttribute('aria-labelledby') ?? '';
  expect(document.getElementById(labelledBy)).not.toBeNull();

  const search = screen.getByRole('searchbox', { name: 'Tìm đơn vị' });
  await user.type(search, 'Sở');
  expect(screen.getByRole('button', { name: 'Xóa nội dung tìm' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'clear' })).toBeNull();
});
