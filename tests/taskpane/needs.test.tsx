/** @jest-environment jsdom */
/**
 * Who still needs training, in the pane: from a target card (T02/T03/T04 only) and from a unit,
 * the people not yet achieved and, apart, the unknown ones; asked of the session once, when first
 * opened; a click goes to the person (and a moved row is said, not selected); long lists page.
 */
import './setup';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import userEvent from '@testing-library/user-event';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { SampleBook } from '../../src/excel/sample';
import { Session } from '../../src/excel/session';
import type { UnitDetails } from '../../src/excel/training-needs';
import { SampleResults, sampleResults } from './fixtures';
import { card, fakeActions, renderApp, screen, within } from './helpers';
import { envOf } from '../helpers/fake-book';

jest.setTimeout(30_000);

let sample: SampleResults;
let units: readonly UnitDetails[];
beforeAll(async () => {
  sample = await sampleResults(2024);
  installExcelEnums();
  const book = JSON.parse(readFileSync(path.join(__dirname, '../../assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;
  const session = new Session(envOf(new FakeExcel()), { lang: 'vi', loadSample: async () => book });
  await session.insertSample();
  await session.detect();
  await session.evaluate(2024, false);
  units = await session.trainingNeeds();
}, 60_000);

const needsActions = (over: Record<string, jest.Mock> = {}) =>
  fakeActions(sample, {
    trainingNeeds: jest.fn(async () => units),
    trainingTargets: jest.fn(() => ['T02', 'T03', 'T04']),
    selectPerson: jest.fn(async () => ({ status: 'selected', sheet: 'x', address: 'B2' })),
    ...over,
  });

async function evaluated(actions: ReturnType<typeof needsActions>) {
  const user = userEvent.setup();
  renderApp(actions, 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }, { timeout: 15_000 }));
  await screen.findByRole('region', { name: /^T02 ·/ }, { timeout: 15_000 });
  return user;
}

test('a T02 card lists who has not met it, asked once; a click goes to the person', async () => {
  const actions = needsActions();
  const user = await evaluated(actions);
  expect(within(card('T01')).queryByRole('button', { name: /Ai chưa đạt/ })).toBeNull();
  expect(actions.trainingNeeds).not.toHaveBeenCalled();

  const toggle = within(card('T02')).getByRole('button', { name: 'Ai chưa đạt T02?' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await user.click(toggle);
  const list = await within(card('T02')).findByRole('region', { name: 'Ai chưa đạt T02?' });
  const missing = units.flatMap((u) => u.targets.filter((t) => t.id === 'T02').flatMap((t) => t.missing));
  const distinct = new Set(missing.map((p) => `${p.sheet}!${p.row}`)).size;
  expect(within(list).getByText(`Chưa đạt (${distinct})`)).toBeTruthy();
  const first = missing[0];
  const button = within(list)
    .getAllByRole('button')
    .find((b) => b.textContent?.includes(first.name)) as HTMLElement;
  expect(button.textContent).toContain(`${first.sheet} · dòng ${first.row}`);
  await user.click(button);
  expect(actions.selectPerson).toHaveBeenCalledWith(first);

  // Another card shares the one request.
  await user.click(within(card('T03')).getByRole('button', { name: 'Ai chưa đạt T03?' }));
  await within(card('T03')).findByRole('region', { name: 'Ai chưa đạt T03?' });
  expect(actions.trainingNeeds).toHaveBeenCalledTimes(1);
});

test('a row that no longer holds the name: the pane says so instead of selecting', async () => {
  const actions = needsActions({
    selectPerson: jest.fn(async () => ({ status: 'moved', sheet: 'Cán bộ', address: 'B6', found: '' })),
  });
  const user = await evaluated(actions);
  await user.click(within(card('T02')).getByRole('button', { name: 'Ai chưa đạt T02?' }));
  const list = await within(card('T02')).findByRole('region', { name: 'Ai chưa đạt T02?' });
  await user.click(within(list).getAllByRole('button')[0]);
  expect(await screen.findByText(/Ô Cán bộ!B6 nay ghi "trống", không phải/)).toBeTruthy();
});

test('a unit lists its people per target, the unknown ones apart', async () => {
  const actions = needsActions();
  const user = await evaluated(actions);
  const withBoth = units.find((u) => u.targets.some((t) => t.missing.length > 0)) as UnitDetails;
  const unit = sample.evaluation.units[withBoth.index];
  const unitsSection = screen.getByRole('region', { name: /^Đơn vị không đạt/ });
  const item = within(unitsSection)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(unit.name) !== null) as HTMLElement;
  await user.click(within(item).getByRole('button', { name: 'Ai còn cần bồi dưỡng?' }));
  const region = await within(item).findByRole('region', { name: 'Ai còn cần bồi dưỡng?' });
  for (const t of withBoth.targets) {
    const part = within(region).getByRole('region', { name: t.id });
    if (t.missing.length > 0) expect(within(part).getByText(`Chưa đạt (${t.missing.length})`)).toBeTruthy();
    else expect(within(part).getByText('Không còn ai chưa đạt.')).toBeTruthy();
    if (t.unknownRows.length > 0) expect(within(part).getByText(`Chưa rõ (${t.unknownRows.length})`)).toBeTruthy();
  }
});

test('a long list shows the first 200 and "show more"', async () => {
  const many: UnitDetails[] = [
    {
      index: units[0].index,
      targets: [
        {
          id: 'T02',
          missing: Array.from({ length: 250 }, (_, i) => ({ sheet: 'Cán bộ', row: i + 2, name: `Người ${i + 1}`, title: '' })),
          unknownRows: [{ sheet: 'Cán bộ', row: 400, name: 'Người chưa rõ', title: 'Phó phòng' }],
        },
      ],
    },
  ];
  const user = await evaluated(needsActions({ trainingNeeds: jest.fn(async () => many) }));
  await user.click(within(card('T02')).getByRole('button', { name: 'Ai chưa đạt T02?' }));
  const list = await within(card('T02')).findByRole('region', { name: 'Ai chưa đạt T02?' });
  expect(within(list).getByText('Chưa đạt (250)')).toBeTruthy();
  expect(within(list).getByText('Chưa rõ (1)')).toBeTruthy();
  expect(within(list).getAllByRole('listitem')).toHaveLength(201);
  await user.click(within(list).getByRole('button', { name: 'Hiện thêm 50' }));
  expect(within(list).getAllByRole('listitem')).toHaveLength(251);
});

test('a failed request says so, and opening again asks again', async () => {
  const trainingNeeds = jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(units);
  const user = await evaluated(needsActions({ trainingNeeds }));
  const toggle = within(card('T02')).getByRole('button', { name: 'Ai chưa đạt T02?' });
  await user.click(toggle);
  expect(await within(card('T02')).findByText('Không lập được danh sách. Hãy bấm Đánh giá lại.')).toBeTruthy();
  await user.click(within(card('T03')).getByRole('button', { name: 'Ai chưa đạt T03?' }));
  await within(card('T03')).findByText(/^Chưa đạt \(/);
  expect(trainingNeeds).toHaveBeenCalledTimes(2);
});

test('in English: the lists and the letterhead form speak English', async () => {
  const user = userEvent.setup();
  const letterhead = jest.fn(async () => ({ fromWorkbook: { agency: 'PHÒNG NỘI VỤ' }, saved: {} }));
  renderApp(
    needsActions({
      wordReport: jest.fn(async () => ({ bytes: new Uint8Array(), fileName: 'x.docx' })),
      letterhead,
      saveLetterhead: jest.fn(async (lh: object) => lh),
    }),
    'en',
    2024,
  );
  await user.click(await screen.findByRole('button', { name: 'Evaluate' }, { timeout: 15_000 }));
  await screen.findByRole('region', { name: /^T02 ·/ }, { timeout: 15_000 });
  await user.click(within(card('T02')).getByRole('button', { name: 'Who has not met T02?' }));
  const list = await within(card('T02')).findByRole('region', { name: 'Who has not met T02?' });
  expect(within(list).getByText(/^Not yet \(\d+\)$/)).toBeTruthy();
  expect(within(list).getAllByText(/ · row \d+$/).length).toBeGreaterThan(0);
  await user.click(screen.getByRole('button', { name: 'Document details (Word)' }));
  const form = await screen.findByRole('form', { name: 'Document details (Word)' });
  expect((within(form).getByRole('textbox', { name: 'Issuing agency (cơ quan ban hành)' }) as HTMLInputElement).value).toBe(
    'PHÒNG NỘI VỤ',
  );
  expect(within(form).getByRole('button', { name: 'Save' })).toBeTruthy();
});
