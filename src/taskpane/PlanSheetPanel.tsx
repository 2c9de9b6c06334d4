/** Which plan is in force (built in, the workbook's "Kế hoạch CCHC", or that sheet blocked) and "Chèn bảng kế hoạch". */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { ActivePlan } from '../plan/active';
import { PLAN_STRINGS } from './plan-strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  text: { margin: 0 },
  blocked: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  action: { alignSelf: 'flex-start' },
});

export interface PlanSheetPanelProps {
  readonly plan: ActivePlan | undefined;
  readonly lang: Lang;
  readonly busy: boolean;
  /** Absent when the surface cannot insert sheets. */
  readonly onInsertPlan?: () => void;
}

export function PlanSheetPanel({ plan, lang, busy, onInsertPlan }: PlanSheetPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = PLAN_STRINGS[lang];
  const headingId = useId('plan-');
  const hintId = useId('plan-hint-');
  const state = plan ?? { kind: 'built_in' as const };
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.heading}
      </h2>
      {state.kind === 'blocked' ? (
        <p className={styles.blocked} role="alert">
          {s.blocked(state.sheet)}
        </p>
      ) : (
        <p className={styles.text}>{state.kind === 'workbook' ? s.fromSheet(state.sheet) : s.builtIn}</p>
      )}
      {state.kind === 'built_in' && onInsertPlan && (
        <>
          <p id={hintId} className={section.hint}>
            {s.insertHint}
          </p>
          <Button className={styles.action} disabledFocusable={busy} aria-describedby={hintId} onClick={onInsertPlan}>
            {s.insert}
          </Button>
        </>
      )}
    </section>
  );
}
