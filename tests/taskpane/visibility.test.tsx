/** @jest-environment jsdom */
/**
 * No workbook reads while the pane is hidden: a calculation of a CCHC.* formula loads the pane's
 * page hidden (shared runtime). With a stand-in `Office.addin` (onVisibilityModeChanged, as in
 * @types/office-js) the entry mounts the pane, and so reads the workbook, only once Office says
 * the pane is shown.
 */
import './setup';
import { screen } from '@testing-library/react';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { PageView, VisibilityEvents, whenPaneShown } from '../../src/taskpane/visibility';
import { envOf } from '../helpers/fake-book';

jest.setTimeout(60_000);

/** A stand-in for Office.addin: records the handler, and whether it was removed. */
class StandInAddin implements VisibilityEvents {
  handler: ((m: { visibilityMode: string }) => void) | null = null;
  removed = false;
  constructor(private readonly fails = false) {}
  onVisibilityModeChanged(handler: (m: { visibilityMode: string }) => void): Promise<() => Promise<void>> {
    if (this.fails) return Promise.reject(new Error('not supported'));
    this.handler = handler;
    return Promise.resolve(async () => {
      this.removed = true;
      this.handler = null;
    });
  }
  /** Office showing or hiding the pane. */
  set(mode: 'Taskpane' | 'Hidden'): void {
    this.handler?.({ visibilityMode: mode });
  }
}

/** A page whose visibility and size the test sets. */
function stubView(state: { visible: boolean; width: number }): PageView & { fire(type: string): void } {
  const listeners = new Map<string, Set<() => void>>();
  const on = (type: string, l: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(l));
  const off = (type: string, l: () => void) => listeners.get(type)?.delete(l);
  return {
    document: {
      get visibilityState() {
        return state.visible ? 'visible' : 'hidden';
      },
      addEventListener: on,
      removeEventListener: off,
    },
    get innerWidth() {
      return state.width;
    },
    innerHeight: 600,
    addEventListener: on,
    removeEventListener: off,
    fire: (type: string) => listeners.get(type)?.forEach((l) => l()),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('whenPaneShown', () => {
  test('a page on screen starts at once; so does a host without Office.addin', () => {
    const start = jest.fn();
    whenPaneShown(new StandInAddin(), stubView({ visible: true, width: 320 }), start);
    expect(start).toHaveBeenCalledTimes(1);
    const start2 = jest.fn();
    whenPaneShown(undefined, stubView({ visible: false, width: 0 }), start2);
    expect(start2).toHaveBeenCalledTimes(1);
  });

  test('loaded hidden: waits for Office to show the pane, starts once, and stops listening', async () => {
    const addin = new StandInAddin();
    const start = jest.fn();
    whenPaneShown(addin, stubView({ visible: false, width: 320 }), start);
    await settle();
    expect(start).not.toHaveBeenCalled();
    addin.set('Hidden');
    expect(start).not.toHaveBeenCalled();
    addin.set('Taskpane');
    expect(start).toHaveBeenCalledTimes(1);
    await settle();
    expect(addin.removed).toBe(true);
    addin.set('Taskpane');
    expect(start).toHaveBeenCalledTimes(1);
  });

  test('a frame with no size starts when it gets one (the page’s own signal), once', async () => {
    const state = { visible: true, width: 0 };
    const view = stubView(state);
    const addin = new StandInAddin();
    const start = jest.fn();
    whenPaneShown(addin, view, start);
    await settle();
    view.fire('resize');
    expect(start).not.toHaveBeenCalled();
    state.width = 320;
    view.fire('resize');
    view.fire('visibilitychange');
    expect(start).toHaveBeenCalledTimes(1);
    await settle();
    expect(addin.removed).toBe(true);
  });

  test('if Office refuses the event, the pane starts rather than stay blank', async () => {
    const start = jest.fn();
    whenPaneShown(new StandInAddin(true), stubView({ visible: false, width: 0 }), start);
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
  });
});

const mockExcel = { fake: null as FakeExcel | null, runs: 0 };
jest.mock('../../src/excel/env', () => {
  const actual = jest.requireActual('../../src/excel/env');
  return {
    ...actual,
    officeEnv: () => {
      if (!mockExcel.fake) throw new Error('no workbook');
      const env = envOf(mockExcel.fake);
      return { ...env, run: (...args: Parameters<typeof env.run>) => (mockExcel.runs++, env.run(...args)) };
    },
  };
});

describe('the entry in Excel', () => {
  let hidden = false;
  beforeAll(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  });
  afterAll(() => {
    delete (document as { visibilityState?: string }).visibilityState;
  });
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test('loaded hidden by a calculation: no Excel.run until Office shows the pane, then the lists are read', async () => {
    installExcelEnums();
    mockExcel.fake = new FakeExcel();
    mockExcel.runs = 0;
    hidden = true;
    document.body.innerHTML = '<div id="root"></div>';
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false });
    const addin = new StandInAddin();
    Object.assign(globalThis, {
      Office: {
        HostType: { Excel: 'Excel' },
        context: { displayLanguage: 'vi-VN' },
        addin,
        onReady: (callback: (info: { host: string; platform: string }) => unknown) =>
          Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }).then((i) => (callback(i), i)),
      },
    });
    jest.resetModules();
    await import('../../src/taskpane/index');
    for (let i = 0; i < 20 && !addin.handler; i++) await settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(addin.handler).not.toBeNull();
    expect(mockExcel.runs).toBe(0);
    expect(document.getElementById('root')?.textContent).toBe('');

    hidden = false;
    addin.set('Taskpane');
    expect(await screen.findByRole('heading', { level: 1, name: 'Theo dõi kế hoạch CCHC' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Chèn dữ liệu mẫu' })).toBeTruthy();
    expect(mockExcel.runs).toBeGreaterThan(0);
  });
});
