/** @jest-environment jsdom */
/** lang="en": every word of the pane in English, figures in English number style. */
import './setup';
import userEvent from '@testing-library/user-event';
import { AddinError } from '../../src/excel/errors';
import { SampleResults, sampleResults } from './fixtures';
import { card, fakeActions, renderApp, screen, within } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

test('the evaluated pane in English', async () => {
  const user = userEvent.setup();
  renderApp(fakeActions(sample), 'en', 2024);
  expect(screen.getByRole('heading', { level: 1, name: 'CCHC plan tracker' })).toBeTruthy();
  await user.click(await screen.findByRole('button', { name: 'Evaluate' }));
  expect(await screen.findByRole('heading', { level: 2, name: 'Results for 2024' })).toBeTruthy();
  for (const name of ['Lists in the workbook', 'Evaluation', 'Write to the workbook', 'Data to check (12)']) {
    expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
  }
  expect(screen.getByText('6 of 10 targets met; 1 not met; 2 undetermined; 1 with no target this year.')).toBeTruthy();
  expect(within(card('T02')).getByText('Met')).toBeTruthy();
  expect(within(card('T01')).getByText('Not met')).toBeTruthy();
  expect(within(card('T04')).getByText('Undetermined')).toBeTruthy();
  expect(within(card('T01')).getByText('37/43 = 86.05 % (target > 90 %) (+1 unclear)')).toBeTruthy();
  expect(within(card('T01')).getByText('2 more needed')).toBeTruthy();
  expect(within(card('T01')).getByRole('heading', { name: 'T01 · CCHC job positions in place' })).toBeTruthy();
  expect(within(card('T07')).getByText('Participants without a leadership post: 10/19 (52.63 %)')).toBeTruthy();
  for (const name of ['Color units', 'Create report', 'Clear colors', 'Find lists again']) {
    expect(screen.getByRole('button', { name })).toBeTruthy();
  }
  expect(screen.getByRole('checkbox', { name: 'Read "over X %" as "X % or more"' })).toBeTruthy();
  expect(screen.getByRole('searchbox', { name: 'Find a unit' })).toBeTruthy();
  expect(screen.getByRole('button', { name: /^Sở Nội vụ/ }).textContent).toContain('Non-compliant');
  expect(screen.getByRole('status').textContent).toMatch(/^Evaluated 2024\./);
  // No Vietnamese UI words left (names from the workbook aside).
  const text = document.body.textContent ?? '';
  for (const vi of ['Đánh giá', 'Đạt', 'Chỉ tiêu', 'Tô màu', 'Xóa màu', 'Tạo báo cáo', 'kế hoạch', 'Còn thiếu']) {
    expect(text).not.toContain(vi);
  }
});

test('the empty state and errors in English', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample, {
    detect: jest.fn(async () => Promise.reject(new AddinError('no_lists'))),
    insertSample: jest.fn(async () => Promise.reject(new AddinError('workbook_protected'))),
  });
  renderApp(actions, 'en');
  expect(await screen.findByRole('heading', { name: 'No lists found yet' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Insert sample data' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('That did not work')).toBeTruthy();
  expect(alert.textContent).toContain('The workbook structure is protected');
  expect(within(alert).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
});
