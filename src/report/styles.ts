/**
 * How the add-in's own cells look, for every renderer: the report's blocks in the administrative
 * style (Times New Roman, as official documents use) and the status colors, which are Excel's own
 * "light red / yellow / green fill with dark text" so that officials read them at a glance.
 */
import type { UnitStatus } from '../engine';
import { ReportStyle } from './layout';

export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'center';
  readonly wrap?: boolean;
  /** Thin borders around every cell of the block. */
  readonly grid?: boolean;
  /** Fill color, "#RRGGBB". */
  readonly fill?: string;
}

export const REPORT_FONT = 'Times New Roman';
export const REPORT_FONT_SIZE = 12;

export const REPORT_LOOKS: Readonly<Record<ReportStyle, CellLook>> = {
  agency: { bold: true, horizontal: 'center', size: 12 },
  motto: { bold: true, horizontal: 'center', size: 12 },
  place_date: { italic: true, horizontal: 'center', size: 12 },
  title: { bold: true, horizontal: 'center', size: 14 },
  subtitle: { bold: true, horizontal: 'center', wrap: true, size: 13 },
  note: { italic: true, horizontal: 'center', wrap: true, size: 11 },
  section: { bold: true, horizontal: 'left', size: 13 },
  table_header: { bold: true, horizontal: 'center', vertical: 'center', wrap: true, grid: true, fill: '#D9E1F2' },
  table_body: { vertical: 'center', wrap: true, grid: true },
  /** A long list to filter (one line a row): no wrapping. */
  list_body: { vertical: 'center', grid: true },
  table_center: { horizontal: 'center' },
  signature: { bold: true, horizontal: 'center' },
};

export interface StatusLook {
  readonly fill: string;
  readonly font: string;
}

/** Colors by unit status; `not_applicable` has none (the row keeps the user's own look). */
export const STATUS_LOOKS: Readonly<Record<Exclude<UnitStatus, 'not_applicable'>, StatusLook>> = {
  non_compliant: { fill: '#FFC7CE', font: '#9C0006' },
  undetermined: { fill: '#FFEB9C', font: '#9C5700' },
  compliant: { fill: '#C6EFCE', font: '#006100' },
};

/** "#RRGGBB" → exceljs "FFRRGGBB". */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
