/** The preview's address bar: ?lang=en&width=320&book=sample&today=2026-11-26&zoom=70 (all optional). */
import type { Lang } from '../i18n';

export const PANE_WIDTHS = [320, 350] as const;
export type PaneWidth = (typeof PANE_WIDTHS)[number];

export interface PreviewParams {
  readonly lang: Lang;
  readonly width: number;
  /** Open the bundled sample at start instead of an empty workbook. */
  readonly book: 'empty' | 'sample';
  /** "Today" for the pane (the default year, the report's date), for repeatable screenshots. */
  readonly today: Date | null;
  /** The workbook view's zoom, percent. */
  readonly zoom: number;
}

export function readParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const width = Number(q.get('width'));
  const today = /^\d{4}-\d{2}-\d{2}$/.test(q.get('today') ?? '') ? new Date(`${q.get('today')}T12:00:00`) : null;
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
    width: width >= 280 && width <= 800 ? width : 350,
    book: q.get('book') === 'sample' ? 'sample' : 'empty',
    today: today && !Number.isNaN(today.getTime()) ? today : null,
    zoom: Number(q.get('zoom')) >= 25 && Number(q.get('zoom')) <= 200 ? Number(q.get('zoom')) : 100,
  };
}

/** Keeps the language and width in the address, so a reload shows the same pane. */
export function writeParams(p: { lang: Lang; width?: number }): void {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', p.lang);
  if (p.width) url.searchParams.set('width', String(p.width));
  window.history.replaceState(null, '', url);
}
