/** @jest-environment jsdom */
/**
 * What was found and how each field is read: sheet, header rows, rows read; a needed field with
 * no column is flagged; choosing a column from the list's headers calls setColumn and shows the
 * new detection; lists not found are named.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { waitFor } from '@testing-library/react';
import type { Detection } from '../../src/taskpane/actions';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen, withoutColumn, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

test('each list found: sheet, header rows, rows read; columns on demand with letter and header', async () => {
  const user = userEvent.setup();
  renderApp(fakeActions(sample));
  const staff = await screen.findByRole('region', { name: /^Danh sách cán bộ, công chức, viên chức / });
  expect(within(staff).getByText('Trang tính: DS CBCCVC')).toBeTruthy();
  expect(within(staff).getByText('Dòng tiêu đề: 7–8')).toBeTruthy();
  expect(within(staff).getByText('Đã đọc: 1.500 cán bộ, công chức, viên chức')).toBeTruthy();
  expect(within(screen.getByRole('region', { name: /^Danh sách đơn vị / })).getByText('Dòng tiêu đề: 7')).toBeTruthy();

  // Nothing needed is missing: the columns are folded away until asked for.
  const toggle = within(staff).getByRole('button', { name: 'Xem, sửa cột' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await user.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const trained = within(staff).getByRole('combobox', { name: /^Bồi dưỡng CCHC/ }) as HTMLSelectElement;
  expect(trained.selectedOptions[0].textContent).toBe('G · BỒI DƯỠNG CCHC');
  const options = Array.from(trained.options).map((o) => o.textContent);
  expect(options[0]).toBe('(không có)');
  expect(options).toContain('M · GHI CHÚ');
  expect(within(staff).getAllByRole('combobox')).toHaveLength(11);
});

test('a needed field without a column is flagged, and choosing its column calls setColumn', async () => {
  const user = userEvent.setup();
  const partial = withoutColumn(sample.detection, 'staff', 'trained');
  const actions = fakeActions(sample, {
    detect: jest.fn(async () => partial),
    setColumn: jest.fn(async () => sample.detection),
  });
  renderApp(actions);
  const staff = await screen.findByRole('region', { name: /^Danh sách cán bộ, công chức, viên chức / });
  expect(within(staff).getByText('Thiếu cột cần cho chỉ tiêu: Bồi dưỡng CCHC.')).toBeTruthy();
  // Opened by itself, the field says what is wrong.
  const trained = within(staff).getByRole('combobox', { name: /^Bồi dưỡng CCHC \(cần cho chỉ tiêu\)/ }) as HTMLSelectElement;
  expect(trained.value).toBe('');
  expect(within(staff).getByText(/^Thiếu cột: các chỉ tiêu cần trường này sẽ là "Không có dữ liệu"/)).toBeTruthy();

  await user.selectOptions(trained, 'G · BỒI DƯỠNG CCHC');
  expect(actions.setColumn).toHaveBeenCalledTimes(1);
  expect(actions.setColumn).toHaveBeenCalledWith(
    'staff',
    'DS CBCCVC',
    'trained',
    6,
    expect.objectContaining({ signal: expect.any(AbortSignal) }),
  );
  await waitFor(() => expect(within(staff).queryByText(/^Thiếu cột cần cho chỉ tiêu/)).toBeNull());
  expect((within(staff).getByRole('combobox', { name: /^Bồi dưỡng CCHC/ }) as HTMLSelectElement).value).toBe('6');
  expect(screen.getByRole('status').textContent).toBe('Đã đọc "Bồi dưỡng CCHC" từ cột G.');
});

test('(không có) takes a field off its column', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, { setColumn: jest.fn(async () => withoutColumn(sample.detection, 'units', 'kind')) });
  renderApp(actions);
  const units = await screen.findByRole('region', { name: /^Danh sách đơn vị / });
  await user.click(within(units).getByRole('button', { name: 'Xem, sửa cột' }));
  await user.selectOptions(within(units).getByRole('combobox', { name: /^Loại đơn vị/ }), '(không có)');
  expect(actions.setColumn).toHaveBeenCalledWith('units', 'DS đơn vị', 'kind', null, expect.anything());
  // A field that can be inferred says how, once it has no column.
  expect(await within(units).findByText('Không có cột này: loại đơn vị được suy ra từ tên.')).toBeTruthy();
});

test('lists not found are named', async () => {
  const partial: Detection = {
    ...sample.detection,
    lists: sample.detection.lists.filter((l) => l.kind !== 'activities'),
    missing: ['activities'],
  };
  renderApp(fakeActions(sample, { detect: jest.fn(async () => partial) }));
  expect(
    await screen.findByText('Chưa tìm thấy danh sách hoạt động. Các chỉ tiêu cần danh sách này sẽ là "Không có dữ liệu".'),
  ).toBeTruthy();
  expect(screen.queryByRole('region', { name: /^Danh sách hoạt động / })).toBeNull();
});

test('Tìm lại danh sách detects again', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample);
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Tìm lại danh sách' }));
  await waitFor(() => expect(actions.detect).toHaveBeenCalledTimes(2));
  expect(await screen.findByText('Đã tìm thấy 3 danh sách.')).toBeTruthy();
});
