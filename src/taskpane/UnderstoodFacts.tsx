/**
 * How the pane read a list's layout (SPEC §2 "Layouts real offices use"), as lines under the list's
 * facts: the years found for a field spread over year columns, units taken from heading rows, a
 * hidden sheet that was read. Nothing when the list is plain.
 */
import { ListKind } from '../workbook/fields';
import { ListUnderstood, hasUnderstood } from '../workbook/understood';
import { Lang } from '../i18n';
import { fieldLabel } from './figures';

const TEXT: Readonly<
  Record<Lang, { years: (field: string, years: string) => string; headingUnits: string; hiddenSheet: string }>
> = {
  vi: {
    years: (field, years) => `"${field}" ghi theo cột năm: ${years}`,
    headingUnits: 'Đơn vị lấy từ các dòng tiêu đề đơn vị (không có cột Đơn vị)',
    hiddenSheet: 'Trang tính đang ẩn; đã đọc và tính',
  },
  en: {
    years: (field, years) => `"${field}" is written in one column per year: ${years}`,
    headingUnits: 'Units taken from unit heading rows (no Unit column)',
    hiddenSheet: 'The sheet is hidden; it was read and counted',
  },
};

export interface UnderstoodFactsProps {
  readonly kind: ListKind;
  readonly understood: ListUnderstood | undefined;
  readonly lang: Lang;
}

/** List items (`<li>`) for the facts list of a ListCard. */
export function UnderstoodFacts({ kind, understood, lang }: UnderstoodFactsProps) {
  if (!hasUnderstood(understood)) return null;
  const t = TEXT[lang];
  return (
    <>
      {understood.yearFields.map((y) => (
        <li key={y.field}>{t.years(fieldLabel(kind, y.field, lang), y.years.join(', '))}</li>
      ))}
      {understood.headingUnits && <li>{t.headingUnits}</li>}
      {understood.hiddenSheet && <li>{t.hiddenSheet}</li>}
    </>
  );
}
