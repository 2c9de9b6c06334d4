/**
 * Task pane entry. Mounts the pane once Office is ready and the host is Excel; says so in both
 * languages when the page is opened anywhere else or office.js could not load (an unguarded
 * Office.onReady would leave the pane blank).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { SampleBook } from '../excel/sample';
import type { Consolidator } from '../excel/session';
import type { ExcelEnv } from '../excel/env';
import type { Session } from '../excel/session';
import { langFromLocale } from '../i18n';
import { App } from './App';
// The custom functions share this page's runtime (manifest: one Runtime, lifetime "long"): the
// page registers them at once, and loads them with the engine (shared with the adapter, loaded
// once) on their first call — see functions-register.ts.
import './functions-guard';
import { registerFunctions } from './functions-register';
import { LOAD_FAILED, OPEN_IN_EXCEL } from './strings';
import { VisibilityEvents, whenPaneShown } from './visibility';

registerFunctions(CustomFunctions, () => import(/* webpackChunkName: "functions-impl" */ '../functions/functions'));

function container(): HTMLElement {
  const found = document.getElementById('root');
  if (found) return found;
  const made = document.createElement('div');
  made.id = 'root';
  document.body.appendChild(made);
  return made;
}

/** A short bilingual sentence instead of the pane (no React needed). */
function showMessage(text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  p.style.margin = '16px';
  p.style.fontFamily = 'Segoe UI, system-ui, sans-serif';
  p.style.fontSize = '14px';
  p.style.lineHeight = '1.5';
  container().replaceChildren(p);
}

/** The sample lists, fetched only when "Chèn dữ liệu mẫu" is pressed (they are ~200 KB). */
const loadSample = (): Promise<SampleBook> =>
  // The JSON's inferred type (optional keys per cell) is narrower than SampleBook's records: widen first.
  import(/* webpackChunkName: "sample" */ '../../assets/sample/cchc-mau.json').then((m) => m.default as unknown as SampleBook);

/** "Tổng hợp từ nhiều tệp" reads the files in a Web Worker; its client loads on first use. */
const consolidator: Consolidator = (request, run) =>
  import(/* webpackChunkName: "extras" */ '../consolidate/client').then((m) => m.workerConsolidator()(request, run));

let mounted = false;

function mount(Session: typeof import('../excel/session').Session, officeEnv: () => ExcelEnv): void {
  if (mounted) return;
  mounted = true;
  const lang = langFromLocale(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  const session: Session = new Session(officeEnv(), { lang, loadSample, consolidator });
  // The pane fills Office's frame and scrolls inside itself (App): every box down to it is full height.
  for (const el of [document.documentElement, document.body, container()]) el.style.height = '100%';
  document.body.style.margin = '0';
  createRoot(container()).render(
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <App actions={session} lang={lang} />
    </FluentProvider>,
  );
}

const showOpenInExcel = () => showMessage(OPEN_IN_EXCEL);

/** Office.addin where the host has it (SharedRuntime 1.1), else undefined. */
function officeAddin(): VisibilityEvents | undefined {
  const addin = (Office as { addin?: Partial<VisibilityEvents> }).addin;
  return typeof addin?.onVisibilityModeChanged === 'function' ? (addin as VisibilityEvents) : undefined;
}

if (typeof Office === 'undefined') {
  showOpenInExcel();
} else {
  // The adapter (reading, writing, the report) loads while Office gets ready, not before the page.
  const adapter = Promise.all([
    import(/* webpackChunkName: "session" */ '../excel/session'),
    import(/* webpackChunkName: "session" */ '../excel/env'),
  ]);
  adapter.catch(() => undefined); // handled below, once Office is ready
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return showOpenInExcel();
    return adapter.then(
      // A calculation loads this page hidden (shared runtime): the pane, and its first read of
      // the workbook, wait until it is shown.
      ([{ Session }, { officeEnv }]) => whenPaneShown(officeAddin(), window, () => mount(Session, officeEnv)),
      () => showMessage(LOAD_FAILED),
    );
  }).catch(showOpenInExcel);
}
