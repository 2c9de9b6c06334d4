/**
 * The task pane: finds the lists on open, lets a field be read from another column, evaluates a
 * year, shows a card per target, the units to follow up and the data to check, and writes colors
 * or the report. Every Office action comes in through `actions`; nothing here touches `Excel`.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { Evaluation } from '../engine';
import { Lang, formatNumber } from '../i18n';
import { columnLetters } from '../workbook/grid';
import type { Detection, ListSummary, PaneActions } from './actions';
import type { Writable } from './ActionBar';
import { BusyBar } from './BusyBar';
import { LiveRegion } from './LiveRegion';
import { ReportSheetKind, ReportSheetsBar } from './ReportSheetsBar';
import { REPORT_SHEET_STRINGS } from './report-sheet-strings';
import { Notice, NoticeMessage } from './Notice';
import { FocusRequest, SCROLL_MARGIN } from './focus';
import { clampYear, errorCode, errorText, fieldLabel, summaryText } from './figures';
import { Outcome, Step, useJobs } from './jobs';
import { STRINGS } from './strings';
import type { PersonRef } from '../excel/training-needs';
import { NEEDS_STRINGS } from './needs-strings';
import { personNotice } from './needs-notice';

/**
 * Views load on demand so the pane's first script only paints it and starts reading the workbook:
 * the working view while the first detection runs, the results when the first evaluation starts.
 */
const loadWorkspace = () => import(/* webpackChunkName: "workspace" */ './Workspace');
const Workspace = lazy(loadWorkspace);
const ConsolidateSection = lazy(() => loadWorkspace().then((m) => ({ default: m.ConsolidateSection })));
const loadResults = () => import(/* webpackChunkName: "results" */ './Results');
const Results = lazy(loadResults);
// "Báo cáo Word" loads when first offered (after an evaluation), its download helper with it.
const WordReportBar = lazy(() =>
  import(/* webpackChunkName: "word-bar" */ './WordReportBar').then((m) => ({ default: m.WordReportBar })),
);

export interface AppProps {
  readonly actions: PaneActions;
  readonly lang: Lang;
  /** The year shown first; else the one remembered for the workbook, else this year (2023–2025). */
  readonly initialYear?: number;
}

/** What the pane knows of the workbook's lists. */
type Book =
  | { readonly status: 'unread' }
  | { readonly status: 'empty' }
  | { readonly status: 'found'; readonly detection: Detection }
  | { readonly status: 'unreadable' };

/** The last evaluation: `stale` once the session has let it go (the lists were read again). */
type Result = { readonly status: 'none' } | { readonly status: 'current' | 'stale'; readonly evaluation: Evaluation };

const useStyles = makeStyles({
  // The pane is a column as tall as its frame: the notice and progress on top, taking their own
  // room, and everything else scrolling below them — a notice never lies over content.
  frame: {
    display: 'flex',
    flexDirection: 'column',
    boxSizing: 'border-box',
    flex: 1,
    height: '100%',
    minHeight: 0,
    width: '100%',
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  root: {
    flex: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
    // What the pane scrolls to keeps a little room above it.
    '& :is(h2, h3, button, select, input, [tabindex])': { scrollMarginTop: SCROLL_MARGIN },
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  subtitle: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  status: {
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    maxHeight: '40%',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  unread: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
  text: {
    margin: 0,
  },
});

export function App({ actions, lang, initialYear }: AppProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const jobs = useJobs();
  const [book, setBook] = useState<Book>({ status: 'unread' });
  const [result, setResult] = useState<Result>({ status: 'none' });
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosenInclusive, setChosenInclusive] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<FocusRequest>(null);
  const clearFocusRequest = () => setFocusRequest(null);

  const remembered = book.status === 'found' ? book.detection.remembered : {};
  const year = clampYear(chosenYear ?? initialYear ?? remembered.year ?? new Date().getFullYear());
  const inclusive = chosenInclusive ?? remembered.inclusive ?? false;
  const busy = jobs.state !== 'idle';

  // Screen readers hear what has started; results are announced when they arrive.
  useEffect(() => {
    if (jobs.state !== 'idle' && jobs.state !== 'selecting') setAnnouncement(s.busy[jobs.state]);
  }, [jobs.state, s]);

  // Progress while a job runs, the notice once it has ended: on top of the pane, in their own room.
  const statusShown = (busy && jobs.state !== 'selecting') || notice !== null;

  /** Runs a flow as the one job of the pane and shows how it ended. */
  async function perform<T>(
    flow: (step: Step) => Promise<T>,
    done: (value: T) => void,
    options: { readonly failed?: (error: unknown) => boolean; readonly cancelledAfterWrite?: string } = {},
  ): Promise<Outcome<T>> {
    if (busy) return { status: 'refused' };
    setNotice(null);
    const out = await jobs.run(flow);
    if (out.status === 'done') done(out.value);
    else if (out.status === 'cancelled') {
      const text = out.wrote && options.cancelledAfterWrite ? options.cancelledAfterWrite : s.cancelled;
      setNotice({ intent: 'info', text });
    } else if (out.status === 'failed' && !options.failed?.(out.error)) {
      setNotice({ intent: 'error', text: errorText(out.error, lang) });
    }
    return out;
  }

  function showDetection(d: Detection) {
    setBook(d.lists.length === 0 ? { status: 'empty' } : { status: 'found', detection: d });
    // The session reads the lists again and forgets its evaluation: colors need a new one.
    setResult((r) => (r.status === 'current' ? { status: 'stale', evaluation: r.evaluation } : r));
    setAnnouncement(d.lists.length === 0 ? s.emptyHeading : s.found(d.lists.length));
  }

  const keepUnreadVisible = () => setBook((b) => (b.status === 'unread' ? { status: 'unreadable' } : b));

  async function detect() {
    const out = await perform((step) => step('detecting', (o) => actions.detect(o)), showDetection, {
      failed: (e) => {
        if (errorCode(e) !== 'no_lists') return false;
        setBook({ status: 'empty' });
        setAnnouncement(s.emptyHeading);
        return true;
      },
    });
    if (out.status === 'failed' || out.status === 'cancelled') keepUnreadVisible();
  }

  // Once, when the pane opens.
  useEffect(() => {
    void loadWorkspace();
    void detect();
  }, []);

  function insertSample() {
    void perform(
      async (step) => {
        const sheets = await step('inserting', () => actions.insertSample());
        const detection = await step('detecting', (o) => actions.detect(o));
        return { sheets, detection };
      },
      ({ sheets, detection }) => {
        showDetection(detection);
        setNotice({ intent: 'success', text: s.inserted(sheets.join(', ')) });
        setFocusRequest('lists');
      },
      { cancelledAfterWrite: s.cancelledAfterInsert },
    );
  }

  function setColumn(list: ListSummary, field: string, column: number | null) {
    void perform(
      (step) => step('mapping', (o) => actions.setColumn(list.kind, list.sheet, field, column, o)),
      (d) => {
        showDetection(d);
        setAnnouncement(s.mapped(fieldLabel(list.kind, field, lang), column === null ? null : columnLetters(column)));
      },
    );
  }

  function evaluate() {
    void loadResults();
    void perform(
      (step) => step('evaluating', (o) => actions.evaluate(year, inclusive, o)),
      (evaluation) => {
        setResult({ status: 'current', evaluation });
        const said = s.evaluated(evaluation.year, summaryText(evaluation, lang));
        setAnnouncement(said);
        setNotice({ intent: 'success', text: said });
        setFocusRequest('results');
      },
    );
  }

  function color() {
    void perform(
      (step) => step('coloring', (o) => actions.color(o)),
      (out) =>
        setNotice({
          intent: 'success',
          text: [s.colored(formatNumber(out.coloredUnits, lang, 0)), out.keptCells > 0 ? s.keptCells(out.keptCells) : '']
            .filter(Boolean)
            .join(' '),
        }),
    );
  }

  function report() {
    void perform(
      (step) => step('reporting', (o) => actions.report(o)),
      (out) =>
        setNotice({
          intent: 'success',
          text: [s.reported(out.reportSheet), out.keptReport ? s.keptReport(out.keptReport) : ''].filter(Boolean).join(' '),
        }),
    );
  }

  function wordReport(period: boolean) {
    const make = actions.wordReport;
    if (!make) return;
    // Office on Mac and iPad cannot download from the pane: the report sheet instead, and why.
    const way = actions.wordReportWay?.() ?? 'download';
    if (way === 'sheet') {
      // The summary as the period sheet where the session makes one, else the year's report sheet.
      const periodSheet = period ? actions.reportSheet : undefined;
      void perform(
        (step) =>
          step('reporting', async (o) =>
            periodSheet
              ? { sheet: (await periodSheet.call(actions, 'period', o)).sheet, period: true }
              : { sheet: (await actions.report(o)).reportSheet ?? '', period: false },
          ),
        (out) => setNotice({ intent: 'info', text: NEEDS_STRINGS[lang].wordAsSheet(out.sheet, period, out.period) }),
      );
      return;
    }
    const insert = way === 'word' ? actions.insertWordReport : undefined;
    void perform(
      (step) =>
        step('reporting', async (o) => {
          const [made, { saveBytes }] = await Promise.all([make.call(actions, period, o), import('./download')]);
          if (insert) await insert.call(actions, made.bytes);
          return { ...made, saveBytes };
        }),
      (out) => {
        if (insert) return setNotice({ intent: 'success', text: NEEDS_STRINGS[lang].wordInserted(out.fileName) });
        out.saveBytes(out.bytes, out.fileName);
        setNotice({ intent: 'success', text: s.wordSaved(out.fileName) });
      },
    );
  }

  function reportSheet(kind: ReportSheetKind) {
    const make = actions.reportSheet;
    if (!make) return;
    const t = REPORT_SHEET_STRINGS[lang];
    void perform(
      (step) => step('reporting', (o) => make.call(actions, kind, o)),
      (out) =>
        setNotice({ intent: 'success', text: [t.made(out.sheet), out.kept ? t.kept(out.kept) : ''].filter(Boolean).join(' ') }),
    );
  }

  function clear(reports: boolean) {
    void perform(
      (step) => step('clearing', () => actions.clear(reports)),
      (out) => {
        // The evaluation is still the workbook's: coloring or reporting again needs no new one.
        const kept = out.keptReports.length > 0 ? s.keptReports(out.keptReports.map((n) => `"${n}"`).join(', ')) : '';
        setNotice({
          intent: 'success',
          text: [s.cleared(out.statusColumns, out.rules, out.reportSheets), kept].filter(Boolean).join(' '),
        });
      },
    );
  }

  function select(sheet: string, cell: string) {
    void perform(
      (step) => step('selecting', () => actions.select(sheet, cell)),
      () => undefined,
    );
  }

  function selectPerson(person: PersonRef) {
    const go = actions.selectPerson;
    if (!go) return;
    void perform(
      (step) => step('selecting', () => go.call(actions, person)),
      (out) => {
        const said = personNotice(out, person, lang);
        if (said) setNotice(said);
      },
    );
  }

  // The extra flows (plan sheet, consolidation, template) run from the working view's chunk.
  const extras = { actions, lang, year, inclusive, perform, showDetection, setNotice };

  const writable: Writable = result.status === 'none' ? 'none' : result.status;
  const outdated =
    result.status === 'stale'
      ? s.stale
      : result.status === 'current' && (result.evaluation.year !== year || result.evaluation.strict === inclusive)
        ? s.settingsChanged
        : null;

  return (
    <main className={styles.frame} lang={lang}>
      {statusShown && (
        <div className={styles.status} data-testid="pane-status">
          <BusyBar state={jobs.state} progress={jobs.progress} lang={lang} onCancel={jobs.cancel} />
          {notice && <Notice notice={notice} lang={lang} onDismiss={() => setNotice(null)} />}
        </div>
      )}
      <div className={styles.root} data-testid="pane-scroll">
        <header className={styles.header}>
          <h1 className={styles.title}>{s.appTitle}</h1>
          <p className={styles.subtitle}>{s.appSubtitle}</p>
        </header>

        <LiveRegion message={announcement} />

        {book.status === 'unreadable' && (
          <section className={styles.unread} aria-label={s.listsHeading}>
            <p className={styles.text}>{s.detectFailed}</p>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void detect()}>
              {s.findAgain}
            </Button>
          </section>
        )}

        {(book.status === 'found' || book.status === 'empty') && (
          <Suspense fallback={null}>
            <Workspace
              detection={book.status === 'found' ? book.detection : null}
              year={year}
              inclusive={inclusive}
              writable={writable}
              lang={lang}
              busy={busy}
              onInsertSample={insertSample}
              onSetColumn={setColumn}
              onFindAgain={() => void detect()}
              onYear={setChosenYear}
              onInclusive={setChosenInclusive}
              onEvaluate={evaluate}
              onColor={color}
              onReport={report}
              onClear={clear}
              focusLists={focusRequest === 'lists'}
              onFocused={clearFocusRequest}

              extras={extras}
            />
          </Suspense>
        )}

        {actions.reportSheet && writable !== 'none' && (
          <ReportSheetsBar lang={lang} busy={busy} enabled={writable === 'current'} onReportSheet={reportSheet} />
        )}

        {actions.wordReport && writable !== 'none' && (
          <Suspense fallback={null}>
            <WordReportBar lang={lang} busy={busy} enabled={writable === 'current'} onWordReport={wordReport} actions={actions} />
          </Suspense>
        )}

        {result.status !== 'none' && (
          <Suspense fallback={null}>
            <Results
              evaluation={result.evaluation}
              lang={lang}
              outdated={outdated}
              busy={busy}
              onSelectUnit={(u) => select(u.sheet, `A${u.row}`)}
              onSelectIssue={(issue) => select(issue.sheet, issue.cell)}
              actions={actions}
              onSelectPerson={selectPerson}
              focusResults={focusRequest === 'results'}
              onFocused={clearFocusRequest}
            />
          </Suspense>
        )}

        {book.status === 'found' && actions.consolidate && (
          <Suspense fallback={null}>
            <ConsolidateSection busy={busy} extras={extras} />
          </Suspense>
        )}
      </div>
    </main>
  );
}
