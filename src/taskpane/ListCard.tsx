/**
 * One list the pane found: its sheet, header row(s), rows read, needed columns that are missing,
 * and (on demand, or at once when something needed is missing) the column of every field.
 */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FieldChoice, ListSummary } from './actions';
import { Lang, formatNumber } from '../i18n';
import { SCHEMAS } from '../workbook/fields';
import { FieldPicker } from './FieldPicker';
import { fieldLabel } from './figures';
import { STRINGS } from './strings';
import { UnderstoodFacts } from './UnderstoodFacts';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  warning: {
    margin: 0,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  toggle: {
    alignSelf: 'flex-start',
    maxWidth: '100%',
  },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

/** Fields the engine can do without a column, and the field it infers them from. */
const INFERRED_FROM: Readonly<Partial<Record<string, string>>> = {
  'units.kind': 'name',
  'staff.leader': 'title',
};

/** How a field is read: from a column, inferred from another one, or not at all. */
export type FieldState = 'column' | 'inferred' | 'missing' | 'absent';

export function fieldState(list: ListSummary, choice: FieldChoice): FieldState {
  if (choice.column !== null) return 'column';
  const source = INFERRED_FROM[`${list.kind}.${choice.field}`];
  if (source && list.fields.some((f) => f.field === source && f.column !== null)) return 'inferred';
  return choice.needed ? 'missing' : 'absent';
}

export interface ListCardProps {
  readonly list: ListSummary;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onSetColumn: (list: ListSummary, field: string, column: number | null) => void;
}

export function ListCard({ list, lang, busy, onSetColumn }: ListCardProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const fieldsId = useId('fields-');
  const titleId = useId('list-');
  const sheetId = useId('list-sheet-');
  const schema = SCHEMAS[list.kind];
  const labelOf = (field: string) => fieldLabel(list.kind, field, lang);
  const states = new Map(list.fields.map((f) => [f.field, fieldState(list, f)]));
  const missing = list.fields.filter((f) => states.get(f.field) === 'missing').map((f) => f.field);
  const inferred = list.fields.filter((f) => states.get(f.field) === 'inferred').map((f) => f.field);
  const [open, setOpen] = useState(false);
  // Fields shown without opening the card: those missing, and they stay while being fixed.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set(missing));
  const missingKey = missing.join(',');
  useEffect(() => {
    if (missing.some((f) => !pinned.has(f))) setPinned(new Set([...pinned, ...missing]));
  }, [missingKey]);
  const shown = list.fields.filter((f) => open || pinned.has(f.field));

  return (
    <section className={styles.card} aria-labelledby={`${titleId} ${sheetId}`}>
      <h3 id={titleId} className={styles.title}>
        {schema.title[lang]}
      </h3>
      <ul className={styles.facts}>
        <li id={sheetId}>{s.sheet(list.sheet)}</li>
        <li>{s.headerRows(list.headerRows[0], list.headerRows[1])}</li>
        <li>{s.rowsRead(list.kind, formatNumber(list.rows, lang, 0))}</li>
        {inferred.map((f) => (
          <li key={f}>{s.inferred[`${list.kind}.${f}`] ?? f}</li>
        ))}
        <UnderstoodFacts kind={list.kind} understood={list.understood} lang={lang} />
      </ul>
      {missing.length > 0 && <p className={styles.warning}>{s.neededMissingList(missing.map(labelOf).join(', '))}</p>}
      {shown.length > 0 && (
        <div id={fieldsId} className={styles.fields} role="group" aria-label={s.columnsOf(schema.title[lang].toLowerCase())}>
          {shown.map((choice) => (
            <FieldPicker
              key={choice.field}
              list={list}
              choice={choice}
              state={states.get(choice.field) ?? 'absent'}
              label={labelOf(choice.field)}
              lang={lang}
              busy={busy}
              onChange={(column) => onSetColumn(list, choice.field, column)}
            />
          ))}
        </div>
      )}
      <Button
        className={styles.toggle}
        appearance="secondary"
        size="small"
        aria-expanded={open}
        aria-controls={shown.length > 0 ? fieldsId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? s.hideColumns : s.showColumns}
      </Button>
    </section>
  );
}
