/**
 * The pane under test: a hand-written fake of PaneActions (jest.fn, serving real results from the
 * engine), and rendering App inside Fluent's provider as the entry page does.
 */
import './setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Detection, PaneActions, RunOptions } from '../../src/taskpane/actions';
import type { Lang } from '../../src/i18n';
import { AddinError } from '../../src/excel/errors';
import type { SampleResults } from './fixtures';

/** PaneActions whose every method is a jest.fn, to assert on calls. */
export type FakeActions = PaneActions & { readonly [K in keyof PaneActions]: jest.Mock };

/** Every action resolves with what the real session returned for the sample workbook. */
export function fakeActions(sample: SampleResults, overrides: Partial<Record<keyof PaneActions, jest.Mock>> = {}): FakeActions {
  const actions = {
    detect: jest.fn(async () => sample.detection),
    setColumn: jest.fn(async () => sample.detection),
    evaluate: jest.fn(async () => sample.evaluation),
    color: jest.fn(async () => ({
      reportSheet: null,
      keptReport: null,
      coloredUnits: 123,
      keptCells: 0,
      syncs: 1,
      read: null as never,
    })),
    report: jest.fn(async () => ({
      reportSheet: 'Báo cáo CCHC 2024',
      keptReport: null,
      coloredUnits: 0,
      keptCells: 0,
      syncs: 1,
      read: null as never,
    })),
    clear: jest.fn(async () => ({ statusColumns: 1, rules: 3, reportSheets: 0, keptReports: [] })),
    select: jest.fn(async () => undefined),
    insertSample: jest.fn(async () => sample.sheets),
    ...overrides,
  };
  return actions as FakeActions;
}

export function renderApp(actions: PaneActions, lang: Lang = 'vi', initialYear?: number): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} lang={lang} initialYear={initialYear} />
    </FluentProvider>,
  );
}

/** A copy of a detection with one field of one list moved to no column. */
export function withoutColumn(d: Detection, kind: string, field: string): Detection {
  return {
    ...d,
    lists: d.lists.map((l) =>
      l.kind !== kind ? l : { ...l, fields: l.fields.map((f) => (f.field === field ? { ...f, column: null, header: null } : f)) },
    ),
  };
}

/** An action that never settles on its own: it rejects like the adapter once its signal aborts. */
export function untilAborted<T>(onStart?: (o: RunOptions) => void): (...args: unknown[]) => Promise<T> {
  return (...args: unknown[]) =>
    new Promise<T>((_resolve, reject) => {
      const o = args.find((a): a is RunOptions => typeof a === 'object' && a !== null && 'signal' in a) ?? {};
      onStart?.(o);
      o.signal?.addEventListener('abort', () => reject(new AddinError('cancelled')));
    });
}

/** The card of a target (a region named by its heading). */
export function card(id: string): HTMLElement {
  return screen.getByRole('region', { name: new RegExp(`^${id} ·`) });
}

export function isDisabled(button: HTMLElement): boolean {
  return button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';
}

export { screen, within };
