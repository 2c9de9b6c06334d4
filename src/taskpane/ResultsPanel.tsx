/** The evaluation: year and reading, a one-line summary, and a card per target. */
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Evaluation } from '../engine';
import type { Lang } from '../i18n';
import { TargetCards } from './TargetCards';
import { summaryText } from './figures';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';
import { useFocusWhen } from './focus';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  stale: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface ResultsPanelProps {
  readonly evaluation: Evaluation;
  readonly lang: Lang;
  /** Why the figures may be out of date (null: they are current). */
  readonly outdated: string | null;
  /** Bring the heading into view and focus it (then onFocused). */
  readonly focus?: boolean;
  readonly onFocused?: () => void;
}

export function ResultsPanel({ evaluation, lang, outdated, focus = false, onFocused }: ResultsPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('results-');
  const heading = useFocusWhen(focus, () => onFocused?.());
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={section.heading}>
        {s.resultsHeading(evaluation.year)}
      </h2>
      <p className={styles.text}>{summaryText(evaluation, lang)}</p>
      <p className={styles.muted}>{evaluation.strict ? s.readingStrict : s.readingInclusive}</p>
      {outdated && <p className={styles.stale}>{outdated}</p>}
      <TargetCards targets={evaluation.targets} year={evaluation.year} lang={lang} />
    </section>
  );
}
