/**
 * Writing to the workbook: "Tô màu đơn vị" and "Tạo báo cáo" (for the last evaluation) and
 * "Xóa màu" (optionally with the report sheets). Buttons stay focusable while unavailable.
 */
import { Button, Checkbox, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../i18n';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Whether there is an evaluation the session can write: none yet, current, or one it has let go. */
export type Writable = 'none' | 'current' | 'stale';

export interface ActionBarProps {
  readonly writable: Writable;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onColor: () => void;
  readonly onReport: () => void;
  readonly onClear: (reports: boolean) => void;
}

export function ActionBar({ writable, lang, busy, onColor, onReport, onClear }: ActionBarProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('write-');
  const hintId = useId('write-hint-');
  const [reports, setReports] = useState(false);
  const canWrite = writable === 'current';
  const hint = writable === 'none' ? s.evaluateFirst : writable === 'stale' ? s.reEvaluateToWrite : null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.writeHeading}
      </h2>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      <div className={styles.buttons}>
        <Button disabledFocusable={busy || !canWrite} aria-describedby={hint ? hintId : undefined} onClick={onColor}>
          {s.color}
        </Button>
        <Button disabledFocusable={busy || !canWrite} aria-describedby={hint ? hintId : undefined} onClick={onReport}>
          {s.report}
        </Button>
        <Button disabledFocusable={busy} onClick={() => onClear(reports)}>
          {s.clear}
        </Button>
      </div>
      <Checkbox checked={reports} onChange={(_e, data) => setReports(data.checked === true)} label={s.clearReports} />
    </section>
  );
}
