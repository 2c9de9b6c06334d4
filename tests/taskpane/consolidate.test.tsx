/** @jest-environment jsdom */
/**
 * "Tổng hợp từ nhiều tệp" in the pane (issue 13): files chosen, the action called with them and the
 * year, the outcome said (with the files that could not be read); offered on an empty workbook too,
 * with its own year there.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { AddinError } from '../../src/excel/errors';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

test('choose two files, consolidate: the action gets them with the year; the notice names the sheet and the unread file', async () => {
  const user = userEvent.setup();
  const consolidate = jest.fn(async () => ({ sheet: 'Tổng hợp CCHC 2024', files: 1, failed: ['hong.xlsx'] }));
  const actions = fakeActions(sample, { consolidate });
  renderApp(actions, 'vi', 2024);
  const run = await screen.findByRole('button', { name: 'Tổng hợp' });
  expect(run.getAttribute('aria-disabled')).toBe('true');
  const input = screen.getByLabelText('Chọn tệp…', { selector: 'input' });
  await user.upload(input, [xlsx('a.xlsx'), xlsx('hong.xlsx')]);
  expect(screen.getByText('Đã chọn 2 tệp.')).toBeTruthy();
  await user.click(run);
  expect(
    await screen.findByText('Đã tổng hợp 1 tệp vào trang "Tổng hợp CCHC 2024". Không đọc được (xem cuối trang): hong.xlsx.'),
  ).toBeTruthy();
  const [files, year, inclusive] = consolidate.mock.calls[0] as unknown as [File[], number, boolean];
  expect(files.map((f) => f.name)).toEqual(['a.xlsx', 'hong.xlsx']);
  expect([year, inclusive]).toEqual([2024, false]);
});

test('an empty workbook: the panel is offered with its own year', async () => {
  const user = userEvent.setup();
  const consolidate = jest.fn(async () => ({ sheet: 'Tổng hợp CCHC 2023', files: 1, failed: [] }));
  const actions = fakeActions(sample, { detect: jest.fn(async () => Promise.reject(new AddinError('no_lists'))), consolidate });
  renderApp(actions, 'vi', 2024);
  await screen.findByRole('heading', { name: 'Tổng hợp từ nhiều tệp' });
  await user.selectOptions(screen.getByLabelText('Năm tổng hợp (tính đến 31/12)'), '2023');
  await user.upload(screen.getByLabelText('Chọn tệp…', { selector: 'input' }), [xlsx('a.xlsx')]);
  await user.click(screen.getByRole('button', { name: 'Tổng hợp' }));
  await screen.findByText('Đã tổng hợp 1 tệp vào trang "Tổng hợp CCHC 2023".');
  expect((consolidate.mock.calls[0] as unknown as [File[], number])[1]).toBe(2023);
});

test('a refusal from Excel is shown as an error', async () => {
  const user = userEvent.setup();
  const consolidate = jest.fn(async () =>
    Promise.reject(new AddinError('no_file_read', { text: 'Tệp "x.xlsx" rỗng (0 byte).' })),
  );
  renderApp(fakeActions(sample, { consolidate }), 'vi', 2024);
  await user.upload(await screen.findByLabelText('Chọn tệp…', { selector: 'input' }), [xlsx('x.xlsx')]);
  await user.click(screen.getByRole('button', { name: 'Tổng hợp' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/Không đọc được tệp nào nên chưa tổng hợp/);
});

test('"Tạo mẫu nhập liệu": opened as a new workbook, or downloaded where Excel cannot open it', async () => {
  const user = userEvent.setup();
  const makeTemplate = jest
    .fn()
    .mockResolvedValueOnce({ opened: true })
    .mockResolvedValueOnce({ opened: false, name: 'mau-nhap-lieu-cchc.xlsx', bytes: new Uint8Array([1, 2, 3]) });
  const created: Blob[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined });
  renderApp(fakeActions(sample, { makeTemplate, consolidate: jest.fn() }), 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Tạo mẫu nhập liệu' }));
  await screen.findByText('Đã mở mẫu nhập liệu trong một sổ làm việc mới. Hãy lưu và gửi cho các đơn vị.');
  expect(created).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: 'Tạo mẫu nhập liệu' }));
  await screen.findByText('Đã tạo mẫu nhập liệu "mau-nhap-lieu-cchc.xlsx" (xem thư mục tải xuống).');
  expect(created.map((b) => b.size)).toEqual([3]);
});
