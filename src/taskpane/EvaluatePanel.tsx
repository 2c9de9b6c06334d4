/** The year to evaluate, how to read "trên X %", and the Đánh giá button. */
import { Button, Checkbox, Field, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { YEARS } from './figures';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  year: {
    maxWidth: '240px',
  },
  checkLabel: {
    overflowWrap: 'anywhere',
  },
  hint: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  evaluate: {
    alignSelf: 'flex-start',
    minWidth: '120px',
  },
});

export interface EvaluatePanelProps {
  readonly year: number;
  readonly inclusive: boolean;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onYear: (year: number) => void;
  readonly onInclusive: (inclusive: boolean) => void;
  readonly onEvaluate: () => void;
}

export function EvaluatePanel({ year, inclusive, lang, busy, onYear, onInclusive, onEvaluate }: EvaluatePanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('evaluate-');
  const hintId = useId('reading-');
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.evaluateHeading}
      </h2>
      <Field className={styles.year} label={s.yearLabel}>
        <Select value={String(year)} onChange={(_e, data) => onYear(Number(data.value))}>
          {YEARS.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        checked={inclusive}
        onChange={(_e, data) => onInclusive(data.checked === true)}
        label={{ children: s.inclusiveLabel, className: styles.checkLabel }}
        aria-describedby={hintId}
      />
      <p id={hintId} className={styles.hint}>
        {s.inclusiveHint}
      </p>
      <Button className={styles.evaluate} appearance="primary" disabledFocusable={busy} onClick={onEvaluate}>
        {s.evaluate}
      </Button>
    </section>
  );
}
