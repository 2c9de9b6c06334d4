/**
 * The preview page: the real task pane (App) in a column as wide as Excel's pane, beside a
 * rendered view of the in-memory workbook it works on. A toolbar opens another workbook (empty,
 * the bundled sample, an .xlsx from disk), switches the pane's language and its width.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  ToolbarRadioButton,
  ToolbarRadioGroup,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { workerConsolidator } from '../consolidate/client';
import { Session } from '../excel/session';
import type { Lang } from '../i18n';
import { App } from '../taskpane/App';
import { Book, emptyBook, envOf, fileBook, loadSample, sampleBook } from './books';
import { PREVIEW_TEXT } from './text';
import { openReason } from './open-error';
import { WorkbookView } from './WorkbookView';
import { PreviewParams, PaneWidth, PANE_WIDTHS, writeParams } from './params';

const useStyles = makeStyles({
  provider: { height: '100%' },
  page: { display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground3 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    flexWrap: 'wrap',
    padding: '4px 12px',
    backgroundColor: '#107c41',
    color: '#ffffff',
  },
  headerText: { display: 'flex', flexDirection: 'column' },
  // Full white on the header's green: 5.4:1 (a faded white fell under 4.5:1).
  subtitle: { color: '#ffffff' },
  toolbar: {
    flexWrap: 'wrap',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  label: { padding: '0 4px 0 8px', color: tokens.colorNeutralForeground3 },
  main: { flex: 1, display: 'flex', minHeight: 0 },
  book: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    minWidth: '280px',
    maxWidth: '60vw',
    resize: 'horizontal',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  paneTitle: {
    padding: '8px 12px',
    fontWeight: 600,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    justifyContent: 'space-between',
  },
  // The pane scrolls inside itself (its notice stays on top): give it the whole height.
  paneBody: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  width: { fontWeight: 400, color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
});

export interface PreviewAppProps {
  readonly params: PreviewParams;
}

export function PreviewApp({ params }: PreviewAppProps) {
  const s = useStyles();
  const [book, setBook] = useState<Book>(emptyBook);
  const [lang, setLang] = useState<Lang>(params.lang);
  const [width, setWidth] = useState<number>(params.width);
  const [version, setVersion] = useState(0);
  const [zoom, setZoom] = useState(params.zoom);
  const [status, setStatus] = useState<{ intent: 'info' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const [measured, setMeasured] = useState<number>(params.width);
  const text = PREVIEW_TEXT[lang];

  // One session per workbook and language: the pane restarts as it would on opening another file.
  const session = useMemo(
    () =>
      new Session(envOf(book.fake), {
        lang,
        loadSample,
        consolidator: workerConsolidator(),
        ...(params.today ? { now: () => params.today as Date } : {}),
      }),
    [book, lang, params.today],
  );
  // Redraw the workbook after changes, at most once a frame (a pane action makes several syncs).
  useEffect(() => {
    let frame = 0;
    const off = book.fake.onChange(() => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((v) => v + 1);
        });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [book]);
  // The pane can also be dragged wider or narrower (its bottom-right corner): show the width it has.
  useEffect(() => {
    const el = paneRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setMeasured(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => writeParams({ lang, width: PANE_WIDTHS.includes(width as PaneWidth) ? width : undefined }), [lang, width]);
  useEffect(() => {
    if (params.book === 'sample') void open('cchc-mau.xlsx', sampleBook);
  }, []);

  async function open(name: string, make: () => Promise<Book>) {
    setStatus({ intent: 'info', text: text.opening(name) });
    try {
      const next = await make();
      setBook(next);
      setStatus({ intent: 'info', text: text.opened(next.title, next.fake.sheetNames().length) });
    } catch (e) {
      setStatus({ intent: 'error', text: text.openFailed(name, text.openReasons[openReason(e)]) });
    }
  }

  // Also undoes a width the user dragged to (the browser writes that straight onto the element).
  const setPaneWidth = (w: number) => {
    if (paneRef.current) paneRef.current.style.width = `${w}px`;
    setWidth(w);
  };

  return (
    <FluentProvider theme={webLightTheme} className={s.provider}>
      <div className={s.page}>
        <header className={s.header}>
          <div className={s.headerText}>
            <Text weight="semibold" size={400}>
              {text.title}
            </Text>
            <Text size={200} className={s.subtitle}>
              {text.subtitle}
            </Text>
          </div>
        </header>
        <Toolbar
          aria-label={text.toolbar}
          className={s.toolbar}
          checkedValues={{ lang: [lang], width: [String(width)] }}
          onCheckedValueChange={(_, d) => {
            const v = d.checkedItems[0];
            if (d.name === 'lang' && (v === 'vi' || v === 'en')) setLang(v);
            if (d.name === 'width' && v) setPaneWidth(Number(v));
          }}
          data-testid="preview-toolbar"
        >
          <ToolbarButton onClick={() => void open('Book1.xlsx', async () => emptyBook())}>{text.emptyBook}</ToolbarButton>
          <ToolbarButton onClick={() => void open('cchc-mau.xlsx', sampleBook)}>{text.openSample}</ToolbarButton>
          <ToolbarButton onClick={() => fileInput.current?.click()}>{text.openFile}</ToolbarButton>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={s.hidden}
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void open(file.name, async () => fileBook(file.name, await file.arrayBuffer()));
            }}
          />
          <ToolbarDivider />
          <Text className={s.label}>{text.language}</Text>
          <ToolbarRadioGroup>
            <ToolbarRadioButton name="lang" value="vi" appearance="subtle">
              Tiếng Việt
            </ToolbarRadioButton>
            <ToolbarRadioButton name="lang" value="en" appearance="subtle">
              English
            </ToolbarRadioButton>
          </ToolbarRadioGroup>
          <ToolbarDivider />
          <Text className={s.label}>{text.paneWidth}</Text>
          <ToolbarRadioGroup>
            {PANE_WIDTHS.map((w) => (
              <ToolbarRadioButton key={w} name="width" value={String(w)} appearance="subtle">
                {w} px
              </ToolbarRadioButton>
            ))}
          </ToolbarRadioGroup>
        </Toolbar>
        {status && (
          <MessageBar intent={status.intent} data-testid="preview-status">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.main}>
          <section className={s.book} aria-label={text.workbook}>
            <WorkbookView fake={book.fake} version={version} text={text} zoom={zoom} onZoom={setZoom} />
          </section>
          <aside className={s.pane} style={{ width }} aria-label={text.pane} data-testid="pane" ref={paneRef}>
            <div className={s.paneTitle}>
              <span>{text.paneTitle}</span>
              <span className={s.width} data-testid="pane-width">
                {measured} px
              </span>
            </div>
            <div className={s.paneBody}>
              <App key={`${book.id}:${lang}`} actions={session} lang={lang} />
            </div>
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
