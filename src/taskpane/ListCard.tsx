/**
 * One list the pane found: its sheet, header row(s), rows read, needed columns that are missing,
 * and (on demand, or at once when something needed is missing) the column of every field.
 */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { ListSummary } from './actions';
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
  const schema = SCHEMAS[list.kind];
  const labelOf = (field: string) => fieldLabel(list.kind, field, lang);
  const missing = list.fields.filter((f) => f.needed && f.column === null).map((f) => labelOf(f.field));
  const [open, setOpen] = useState(missing.length > 0);

  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {schema.title[lang]}
      </h3>
      <ul className={styles.facts}>
        <li>{s.sheet(list.sheet)}</li>
        <li>{s.headerRows(list.headerRows[0], list.headerRows[1])}</li>
        <li>{s.rowsRead(list.kind, formatNumber(list.rows, lang, 0))}</li>
        <UnderstoodFacts kind={list.kind} understood={list.understood} lang={lang} />
      </ul>
      {missing.length > 0 && <p className={styles.warning}>{s.neededMissingList(missing.join(', '))}</p>}
      <Button
        className={styles.toggle}
        appearance="secondary"
        size="small"
        aria-expanded={open}
        aria-controls={fieldsId}
        onClick={() => setOpen(!open)}
      >
        {open ? s.hideColumns : s.showColumns}
      </Button>
      <div
        id={fieldsId}
        className={styles.fields}
        hidden={!open}
        role="group"
        aria-label={s.columnsOf(schema.title[lang].toLowerCase())}
      >
        {open &&
          list.fields.map((choice) => (
            <FieldPicker
              key={choice.field}
              list={list}
              choice={choice}
              label={labelOf(choice.field)}
              lang={lang}
              busy={busy}
              onChange={(column) => onSetColumn(list, choice.field, column)}
            />
          ))}
      </div>
    </section>
  );
}
