/**
 * "Báo cáo Word": the report of the evaluation shown, or the 2022–2025 summary, as a .docx in the
 * administrative layout (NĐ 30/2020), downloaded. Offered beside the report sheet once evaluated.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { PaneActions } from './actions';
import { LetterheadForm } from './LetterheadForm';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface WordReportBarProps {
  readonly lang: Lang;
  readonly busy: boolean;
  /** False until there is a current evaluation (the buttons stay focusable). */
  readonly enabled: boolean;
  readonly onWordReport: (period: boolean) => void;
  /** Where the session can keep a letterhead: the form to edit it. */
  readonly actions?: PaneActions;
}

export function WordReportBar({ lang, busy, enabled, onWordReport, actions }: WordReportBarProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={s.wordReport}>
        <Button disabledFocusable={busy || !enabled} onClick={() => onWordReport(false)}>
          {s.wordReport}
        </Button>
        <Button disabledFocusable={busy || !enabled} onClick={() => onWordReport(true)}>
          {s.periodReport}
        </Button>
      </div>
      {actions && <LetterheadForm actions={actions} lang={lang} busy={busy} />}
    </div>
  );
}
