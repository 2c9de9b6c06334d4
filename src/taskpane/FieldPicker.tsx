/**
 * Which column a field is read from: a native select (keyboard and screen-reader friendly, light)
 * of the list's headers plus "(không có)". A needed field with no column (and nothing to infer it
 * from) is flagged.
 */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FieldChoice, ListSummary } from './actions';
import type { FieldState } from './ListCard';
import type { Lang } from '../i18n';
import { columnLetters } from '../workbook/grid';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  field: {
    minWidth: 0,
  },
  // Long header texts must not widen the pane: the select shrinks to its column and cuts the text.
  select: {
    minWidth: 0,
    maxWidth: '100%',
  },
  control: {
    minWidth: 0,
    width: '100%',
    textOverflow: 'ellipsis',
  },
  tag: {
    marginLeft: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
  },
});

const NONE = '';

export interface FieldPickerProps {
  readonly list: ListSummary;
  readonly choice: FieldChoice;
  /** Read from a column, inferred from another, missing (needed, no column) or absent. */
  readonly state: FieldState;
  /** The field's name for people ("Bồi dưỡng CCHC"). */
  readonly label: string;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onChange: (column: number | null) => void;
}

export function FieldPicker({ list, choice, state, label, lang, busy, onChange }: FieldPickerProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  // The column just chosen, shown while the lists are read again with it.
  const [pending, setPending] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (!busy) setPending(undefined);
  }, [busy]);
  const column = pending !== undefined ? pending : choice.column;

  const options = list.options.map((o) => ({ value: String(o.column), text: o.text ? `${o.letter} · ${o.text}` : o.letter }));
  if (choice.column !== null && !list.options.some((o) => o.column === choice.column)) {
    options.push({ value: String(choice.column), text: `${columnLetters(choice.column)} · ${choice.header ?? ''}` });
  }
  const missing = state === 'missing';
  const fallback = state === 'inferred' || state === 'absent' ? s.fallback[`${list.kind}.${choice.field}`] : undefined;

  return (
    <Field
      className={styles.field}
      label={{
        children: (
          <>
            {label}
            {choice.needed && <span className={styles.tag}>({s.neededTag})</span>}
          </>
        ),
      }}
      validationState={missing ? 'warning' : 'none'}
      validationMessage={missing ? s.neededMissing : undefined}
      hint={fallback}
    >
      <Select
        className={styles.select}
        select={{ className: styles.control }}
        value={column === null ? NONE : String(column)}
        onChange={(_e, data) => {
          const next = data.value === NONE ? null : Number(data.value);
          if (next === choice.column) return;
          setPending(next);
          onChange(next);
        }}
      >
        <option value={NONE}>{s.noColumn}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
