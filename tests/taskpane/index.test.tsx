/** @jest-environment jsdom */
/**
 * The production entry: a bilingual message when office.js did not load or the host is not
 * Excel; inside Excel, the pane over a real Session (here over the in-memory Excel) — the
 * first-time flow from an empty workbook to the lists found.
 */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { OPEN_IN_EXCEL } from '../../src/taskpane/strings';
import { envOf } from '../helpers/fake-book';

jest.setTimeout(60_000);

const mockExcel = { fake: null as FakeExcel | null };
jest.mock('../../src/excel/env', () => {
  const actual = jest.requireActual('../../src/excel/env');
  return {
    ...actual,
    officeEnv: () => {
      if (!mockExcel.fake) throw new Error('no workbook');
      return envOf(mockExcel.fake);
    },
  };
});

function fakeOffice(host: string | null, displayLanguage = 'vi-VN') {
  return {
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: { displayLanguage },
    onReady: (callback: (info: { host: string | null; platform: string | null }) => unknown) => {
      const info = { host, platform: host ? 'OfficeOnline' : null };
      return Promise.resolve(info).then((i) => {
        callback(i);
        return i;
      });
    },
  };
}

/** Runs the entry afresh (a new module registry, so its lazy chunks resolve to the same React). */
async function loadEntry(): Promise<void> {
  jest.resetModules();
  await import('../../src/taskpane/index');
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  // The entry mounts with its own createRoot, as in Excel: updates come from real async work, not act().
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false });
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test('office.js did not load: a short bilingual message instead of a blank pane', async () => {
  await loadEntry();
  expect(document.getElementById('root')?.textContent).toBe(OPEN_IN_EXCEL);
  expect(OPEN_IN_EXCEL).toMatch(/^Hãy mở phần bổ trợ trong Excel.* \/ Open this add-in from Excel/);
});

test('opened outside Excel (a plain browser): the same message', async () => {
  Object.assign(globalThis, { Office: fakeOffice(null) });
  await loadEntry();
  await waitFor(() => expect(document.getElementById('root')?.textContent).toBe(OPEN_IN_EXCEL));
});

test('in Excel: the pane over a real session; an empty workbook gets the sample and its lists', async () => {
  installExcelEnums();
  mockExcel.fake = new FakeExcel();
  Object.assign(globalThis, { Office: fakeOffice('Excel', 'vi-VN') });
  await loadEntry();
  expect(await screen.findByRole('heading', { level: 1, name: 'Theo dõi kế hoạch CCHC' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('vi');
  // A plain DOM click: RTL's act() belongs to the test's React, not to the entry's fresh one.
  (await screen.findByRole('button', { name: 'Chèn dữ liệu mẫu' })).click();
  expect(
    await screen.findByRole('region', { name: /^Danh sách cán bộ, công chức, viên chức / }, { timeout: 20_000 }),
  ).toBeTruthy();
  expect(screen.getByText('Đã đọc: 1.500 cán bộ, công chức, viên chức')).toBeTruthy();
  expect(mockExcel.fake.sheetNames()).toEqual(['Sheet1', 'Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025']);
});

test('in English Excel the pane is in English', async () => {
  installExcelEnums();
  mockExcel.fake = new FakeExcel();
  Object.assign(globalThis, { Office: fakeOffice('Excel', 'en-US') });
  await loadEntry();
  expect(await screen.findByRole('heading', { level: 1, name: 'CCHC plan tracker' })).toBeTruthy();
  expect(await screen.findByRole('button', { name: 'Insert sample data' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('en');
});
