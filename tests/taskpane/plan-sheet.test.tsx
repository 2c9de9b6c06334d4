/** @jest-environment jsdom */
/**
 * The plan part of the pane (issue 13): which plan is in force, "Chèn bảng kế hoạch" inserting the
 * sheet and finding the lists again, and a blocked plan sheet said as an alert.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { HCMC_PLAN } from '../../src/plan';
import type { Detection } from '../../src/taskpane/actions';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

test('built-in plan: "Chèn bảng kế hoạch" inserts the sheet, then reads the workbook again', async () => {
  const user = userEvent.setup();
  const withSheet: Detection = {
    ...sample.detection,
    plan: { kind: 'workbook', plan: HCMC_PLAN, inclusive: false, sheet: 'Kế hoạch CCHC' },
  };
  const detect = jest.fn<Promise<Detection>, []>().mockResolvedValueOnce(sample.detection).mockResolvedValue(withSheet);
  const actions = fakeActions(sample, { detect, insertPlan: jest.fn(async () => 'Kế hoạch CCHC') });
  renderApp(actions);
  expect(await screen.findByText('Đang dùng kế hoạch có sẵn (QĐ 2709/QĐ-UBND, 2022–2025).')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Chèn bảng kế hoạch' }));
  expect(await screen.findByText(/Đã chèn bảng kế hoạch trên trang "Kế hoạch CCHC"/)).toBeTruthy();
  expect(actions.insertPlan).toHaveBeenCalledWith(false);
  expect(actions.detect).toHaveBeenCalledTimes(2);
  expect(screen.getByText('Đang dùng kế hoạch trên trang "Kế hoạch CCHC" của sổ làm việc này.')).toBeTruthy();
  // The sheet is there: no second insert offered.
  expect(screen.queryByRole('button', { name: 'Chèn bảng kế hoạch' })).toBeNull();
});

test('a blocked plan sheet is an alert; no insert button', async () => {
  const blocked: Detection = {
    ...sample.detection,
    plan: { kind: 'blocked', sheet: 'Kế hoạch CCHC', message: { vi: "'Kế hoạch CCHC'!I9: …", en: '…' } },
  };
  renderApp(fakeActions(sample, { detect: jest.fn(async () => blocked), insertPlan: jest.fn() }), 'en');
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/The sheet "Kế hoạch CCHC" has wrong cells/);
  expect(screen.queryByRole('button', { name: 'Insert the plan table' })).toBeNull();
});

test('a surface without insertPlan shows no button', async () => {
  renderApp(fakeActions(sample));
  expect(await screen.findByText(/Đang dùng kế hoạch có sẵn/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Chèn bảng kế hoạch' })).toBeNull();
});
