/**
 * Beside "Tạo báo cáo": the other report sheets the add-in makes, one click each — the period
 * summary "Tổng kết CCHC 2022–2025" and the list "Danh sách cần bồi dưỡng" for the evaluated year.
 * Offered once evaluated; the buttons stay focusable while unavailable.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { REPORT_SHEET_STRINGS } from './report-sheet-strings';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type ReportSheetKind = 'period' | 'training';

export interface ReportSheetsBarProps {
  readonly lang: Lang;
  readonly busy: boolean;
  /** False until there is a current evaluation. */
  readonly enabled: boolean;
  readonly onReportSheet: (kind: ReportSheetKind) => void;
}

export function ReportSheetsBar({ lang, busy, enabled, onReportSheet }: ReportSheetsBarProps) {
  const styles = useStyles();
  const s = REPORT_SHEET_STRINGS[lang];
  return (
    <div className={styles.buttons} role="group" aria-label={s.group}>
      <Button disabledFocusable={busy || !enabled} onClick={() => onReportSheet('period')}>
        {s.period}
      </Button>
      <Button disabledFocusable={busy || !enabled} onClick={() => onReportSheet('training')}>
        {s.training}
      </Button>
    </div>
  );
}
