/**
 * The preview's workbook: a formula bar, the active sheet's grid (column letters, row numbers,
 * texts, fills, fonts, borders, merged cells, the add-in's conditional formats, charts as labelled
 * boxes) and the sheet tabs, drawn from the in-memory Excel. Clicking a tab or a cell acts on the
 * fake workbook as a user in Excel would; when the add-in selects a cell, the view goes there.
 */
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FakeExcel } from '../fake-excel';
import { CELL_DEFAULTS, ChartView, ROW_WINDOW, SheetView, buildWorkbookView } from './sheet-view';
import { PreviewText } from './text';
import { LinePlot } from './LinePlot';

const ROW_HEADER_PX = 44;
const SERIES_COLORS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, backgroundColor: '#ffffff' },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '4px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: '13px',
    minHeight: '24px',
  },
  nameBox: {
    width: '88px',
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  formula: { flex: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  scroller: { flex: 1, overflow: 'auto', position: 'relative' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', backgroundColor: '#ffffff' },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
    backgroundColor: '#f3f3f3',
    border: '1px solid #d4d4d4',
    fontWeight: 400,
    fontSize: '12px',
    color: '#444',
    height: '20px',
    padding: 0,
    fontFamily: tokens.fontFamilyBase,
  },
  corner: { left: 0, zIndex: 4 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    backgroundColor: '#f3f3f3',
    border: '1px solid #d4d4d4',
    fontWeight: 400,
    fontSize: '12px',
    color: '#444',
    padding: '0 4px',
    textAlign: 'center',
    fontFamily: tokens.fontFamilyBase,
  },
  headSelected: { backgroundColor: '#d2e9dc', color: '#0e6b37', fontWeight: 600 },
  // A cell's default look (Excel's Normal style); sheet-view puts only differences inline.
  cell: {
    padding: '1px 3px',
    lineHeight: 1.25,
    cursor: 'cell',
    position: 'relative',
    fontFamily: CELL_DEFAULTS.fontFamily,
    fontSize: CELL_DEFAULTS.fontSize,
    color: CELL_DEFAULTS.color,
    fontWeight: 400,
    textAlign: 'left',
    verticalAlign: 'bottom',
    whiteSpace: 'pre',
    overflow: 'hidden',
  },
  gridlines: {
    '& td': {
      borderRightWidth: '1px',
      borderRightStyle: 'solid',
      borderRightColor: '#e1e1e1',
      borderBottomWidth: '1px',
      borderBottomStyle: 'solid',
      borderBottomColor: '#e1e1e1',
    },
  },
  // Text running on over empty cells, cut where the next cell with content starts.
  spill: { display: 'inline-block', overflow: 'hidden', verticalAlign: 'bottom', whiteSpace: 'pre' },
  selected: { outline: '2px solid #107c41', outlineOffset: '-2px', zIndex: 1 },
  more: { padding: '8px', display: 'flex', gap: '8px', alignItems: 'center', fontSize: '13px' },
  footer: {
    display: 'flex',
    alignItems: 'center',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#f3f3f3',
    flexShrink: 0,
  },
  tabs: { display: 'flex', gap: '2px', padding: '0 8px', overflowX: 'auto', flex: 1, minWidth: 0 },
  zoom: { display: 'flex', alignItems: 'center', gap: '6px', padding: '0 12px', fontSize: '12px', whiteSpace: 'nowrap' },
  tab: {
    border: 'none',
    borderBottom: '3px solid transparent',
    backgroundColor: 'transparent',
    padding: '6px 12px',
    fontSize: '13px',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyBase,
  },
  tabActive: { backgroundColor: '#ffffff', color: '#107c41', fontWeight: 600, borderBottomColor: '#107c41' },
  note: { padding: '4px 8px', fontSize: '12px', color: tokens.colorPaletteDarkOrangeForeground1 },
  chart: {
    position: 'absolute',
    top: 0,
    left: 0,
    zIndex: 2,
    boxSizing: 'border-box',
    border: '1px solid #bfbfbf',
    backgroundColor: '#ffffff',
    boxShadow: tokens.shadow4,
    padding: '8px 12px',
    display: 'flex',
    flexDirection: 'column',
    fontFamily: tokens.fontFamilyBase,
    whiteSpace: 'normal',
    textAlign: 'left',
    cursor: 'default',
  },
  chartTitle: { fontWeight: 600, fontSize: '14px', textAlign: 'center', marginBottom: '6px' },
  plot: { flex: 1, display: 'flex', alignItems: 'flex-end', gap: '10px', borderBottom: '1px solid #bfbfbf', minHeight: 0 },
  group: { flex: 1, display: 'flex', alignItems: 'flex-end', justifyContent: 'center', gap: '2px', height: '100%' },
  column: { width: '40%', maxWidth: '28px', position: 'relative', minHeight: '1px' },
  barLabel: {
    position: 'absolute',
    bottom: '100%',
    left: '50%',
    transform: 'translateX(-50%)',
    fontSize: '10px',
    whiteSpace: 'nowrap',
  },
  categories: { display: 'flex', gap: '10px', fontSize: '11px', paddingTop: '2px' },
  category: { flex: 1, textAlign: 'center', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  legend: { display: 'flex', gap: '12px', justifyContent: 'center', fontSize: '11px', paddingTop: '4px' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
});

function Chart({ chart, floating }: { chart: ChartView; floating: boolean }) {
  const s = useStyles();
  const span = chart.max - chart.min;
  return (
    <div
      className={s.chart}
      style={{ width: chart.widthPx, height: chart.heightPx, ...(floating ? {} : { position: 'relative', margin: '8px' }) }}
      data-testid="chart"
      role="figure"
      aria-label={chart.title || chart.name}
    >
      <div className={s.chartTitle}>{chart.title}</div>
      <div className={s.plot}>
        {chart.kind === 'Line' ? (
          <LinePlot chart={chart} colors={SERIES_COLORS} />
        ) : (
          chart.categories.map((cat, i) => (
            <div className={s.group} key={cat + i}>
              {chart.series.map((series, k) => {
                const v = series.values[i];
                const h = Math.max(0, Math.min(1, (v.value - chart.min) / span));
                return (
                  <div
                    key={series.name + k}
                    className={s.column}
                    style={{ height: `${h * 85}%`, backgroundColor: SERIES_COLORS[k % SERIES_COLORS.length] }}
                    title={`${cat} · ${series.name}: ${v.text}`}
                  >
                    <span className={s.barLabel}>{v.text}</span>
                  </div>
                );
              })}
            </div>
          ))
        )}
      </div>
      <div className={s.categories}>
        {chart.categories.map((cat, i) => (
          <div className={s.category} key={cat + i}>
            {cat}
          </div>
        ))}
      </div>
      <div className={s.legend}>
        {chart.series.map((series, k) => (
          <span key={series.name + k}>
            <span className={s.swatch} style={{ backgroundColor: SERIES_COLORS[k % SERIES_COLORS.length] }} />
            {series.name}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The cell's left and right padding (see `cell`), taken off the width text may run on. */
const SPILL_PADDING_PX = 6;

function Grid({ view, zoom, onSelect }: { view: SheetView; zoom: number; onSelect: (address: string) => void }) {
  const s = useStyles();
  const sel = view.selection;
  const floating = new Map(view.charts.filter((c) => c.anchor).map((c) => [c.anchor as string, c]));
  const placed = new Set<string>();
  const width = ROW_HEADER_PX + view.columns.reduce((n, c) => n + c.widthPx, 0);
  return (
    <table
      className={mergeClasses(s.table, view.gridlines && s.gridlines)}
      style={{ width, zoom: zoom / 100 }}
      role="grid"
      aria-label={view.name}
      data-testid="grid"
      data-sheet={view.name}
    >
      <colgroup>
        <col style={{ width: ROW_HEADER_PX }} />
        {view.columns.map((c) => (
          <col key={c.col} style={{ width: c.widthPx }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={mergeClasses(s.colHead, s.corner)} />
          {view.columns.map((c) => (
            <th
              key={c.col}
              scope="col"
              className={mergeClasses(s.colHead, sel !== null && c.col >= sel.left && c.col <= sel.right && s.headSelected)}
            >
              {c.letter}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map((r) => (
          <tr key={r.row} style={{ height: r.heightPx }} data-row={r.row + 1}>
            <th
              scope="row"
              className={mergeClasses(s.rowHead, sel !== null && r.row >= sel.top && r.row <= sel.bottom && s.headSelected)}
            >
              {r.row + 1}
            </th>
            {r.cells.map((c) => {
              const chart = floating.get(c.address);
              if (chart) placed.add(chart.id);
              const isSel = sel !== null && c.row === sel.top && c.col === sel.left;
              return (
                <td
                  key={c.col}
                  className={mergeClasses(s.cell, isSel && s.selected)}
                  style={chart ? { ...c.style, overflow: 'visible' } : c.style}
                  rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                  colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                  data-address={c.address}
                  data-conditional={c.conditional ? 'true' : undefined}
                  aria-selected={isSel ? true : undefined}
                  onClick={() => onSelect(c.address)}
                >
                  {c.spillPx !== undefined ? (
                    <span className={s.spill} style={{ width: c.spillPx - SPILL_PADDING_PX }}>
                      {c.text}
                    </span>
                  ) : (
                    c.text
                  )}
                  {chart && <Chart chart={chart} floating />}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {view.charts.some((c) => !c.anchor || !floating.has(c.anchor)) && (
        <caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
          {view.charts
            .filter((c) => !c.anchor)
            .map((c) => (
              <Chart chart={c} floating={false} key={c.id} />
            ))}
        </caption>
      )}
    </table>
  );
}

export const ZOOMS = [50, 70, 85, 100, 125] as const;

export interface WorkbookViewProps {
  readonly fake: FakeExcel;
  /** Bumped by the page after every change of the workbook (FakeExcel.onChange). */
  readonly version: number;
  readonly text: PreviewText;
  /** Percent, as Excel's zoom. */
  readonly zoom: number;
  readonly onZoom: (zoom: number) => void;
}

export function WorkbookView({ fake, version, text, zoom, onZoom }: WorkbookViewProps) {
  const s = useStyles();
  const zoomId = useId('zoom-');
  const [local, setLocal] = useState(0);
  const [starts, setStarts] = useState<Record<string, number>>({});
  const scroller = useRef<HTMLDivElement>(null);
  const active = useMemo(() => fake.activeSheetName(), [fake, version, local]);
  const start = starts[active] ?? 0;
  const book = useMemo(
    () => buildWorkbookView(fake, { startRow: start, lang: text.locale }),
    [fake, version, local, start, text.locale],
  );
  const view = book.sheet;
  const selection = fake.selection;
  const selectionKey = `${selection.sheet}!${selection.address}`;

  // The add-in selected a cell outside the rows drawn: move the window there.
  useEffect(() => {
    const sel = view.selection;
    if (!sel || selection.sheet !== view.name) return;
    if (sel.top < view.firstRow || sel.top > view.lastRow)
      setStarts((m) => ({ ...m, [view.name]: Math.max(0, sel.top - Math.floor(ROW_WINDOW / 3)) }));
  }, [selectionKey]);

  // A new sheet shown starts at its top-left; then the selected cell is brought into view.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
  }, [active, fake]);
  useLayoutEffect(() => {
    const cell = scroller.current?.querySelector(`[data-address="${selection.address.split(':')[0]}"]`);
    if (cell && selection.sheet === view.name && selection.address !== 'A1')
      cell.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selectionKey, view.firstRow]);

  const selected = view.selection ? fake.cell(view.name, selection.address.split(':')[0]) : null;
  const page = (first: number) => setStarts((m) => ({ ...m, [view.name]: Math.max(0, first) }));
  return (
    <div className={s.root} data-testid="workbook" data-active-sheet={view.name}>
      <div className={s.bar}>
        <span className={s.nameBox} data-testid="name-box">
          {selection.sheet === view.name ? selection.address : ''}
        </span>
        <span className={s.fx}>fx</span>
        <span className={s.formula} data-testid="formula-bar">
          {selected ? (selected.formula ?? selected.text) : ''}
        </span>
      </div>
      <div
        className={s.scroller}
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={text.gridArea(view.name)}
        data-testid="grid-area"
      >
        {view.firstRow > 0 && (
          <div className={s.more}>
            <Button size="small" onClick={() => page(view.firstRow - ROW_WINDOW)}>
              {text.previousRows(Math.max(1, view.firstRow - ROW_WINDOW + 1), view.firstRow)}
            </Button>
          </div>
        )}
        <Grid
          view={view}
          zoom={zoom}
          onSelect={(address) => {
            fake.select(view.name, address);
            setLocal((n) => n + 1);
          }}
        />
        {view.lastRow < view.totalRows - 1 && (
          <div className={s.more} data-testid="more-rows">
            <span>{text.moreRows(view.totalRows - 1 - view.lastRow)}</span>
            <Button size="small" onClick={() => page(view.lastRow + 1)}>
              {text.nextRows(view.lastRow + 2, Math.min(view.totalRows, view.lastRow + 1 + ROW_WINDOW))}
            </Button>
          </div>
        )}
      </div>
      {view.unsupportedRules.length > 0 && <div className={s.note}>{text.unsupportedRules(view.unsupportedRules)}</div>}
      <div className={s.footer}>
        <div className={s.tabs} role="tablist" aria-label={text.sheets} data-testid="sheet-tabs">
          {book.tabs.map((t) => (
            <button
              key={t.name}
              type="button"
              role="tab"
              aria-selected={t.name === view.name}
              className={mergeClasses(s.tab, t.name === view.name && s.tabActive)}
              style={t.tabColor && t.name !== view.name ? { borderBottomColor: t.tabColor } : undefined}
              onClick={() => {
                fake.setActiveSheet(t.name);
                setLocal((n) => n + 1);
              }}
            >
              {t.name}
            </button>
          ))}
        </div>
        <label className={s.zoom} htmlFor={zoomId}>
          {text.zoom}
          <select id={zoomId} value={zoom} onChange={(e) => onZoom(Number(e.target.value))} data-testid="zoom">
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                {z} %
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
