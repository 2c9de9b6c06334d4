/**
 * A target's figures: actual against the plan ("29/43 = 67,44 % (kế hoạch > 90 %)"), a bar of how
 * far it is towards the threshold, how many more are needed, and for T07 the share of participants
 * without a leadership post.
 */
import { ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { ProgressBarProps } from '@fluentui/react-components';
import type { TargetResult, TargetStatus } from '../engine';
import { Lang, formatNumber, formatPercent } from '../i18n';
import { figureLine, towardsThreshold } from './figures';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  line: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  gap: {
    margin: 0,
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** Targets whose card reports who took part (SPEC: T07 gives priority to people without a leadership post). */
const PARTICIPANT_SHARE: ReadonlySet<string> = new Set(['T07']);

const BAR_COLOR: Readonly<Record<TargetStatus, ProgressBarProps['color']>> = {
  met: 'success',
  not_met: 'error',
  undetermined: 'warning',
  no_data: 'brand',
  no_target: 'brand',
};

export interface TargetFiguresProps {
  readonly target: TargetResult;
  readonly year: number;
  readonly lang: Lang;
}

export function TargetFigures({ target, year, lang }: TargetFiguresProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const line = figureLine(target, year, lang);
  const share = towardsThreshold(target);
  const p = PARTICIPANT_SHARE.has(target.id) ? target.participants : undefined;
  return (
    <div className={styles.root}>
      <p className={line ? styles.line : styles.muted}>{line ?? s.noData}</p>
      {share !== null && (
        <ProgressBar
          value={share}
          max={1}
          thickness="large"
          color={BAR_COLOR[target.status]}
          aria-label={s.progressLabel(target.id, `${formatNumber(share * 100, lang, 0)} %`)}
        />
      )}
      {target.gap !== null && target.gap > 0 && <p className={styles.gap}>{s.gap(formatNumber(target.gap, lang, 0))}</p>}
      {p && (
        <p className={styles.muted}>
          {p.total > 0
            ? s.nonLeaders(
                formatNumber(p.nonLeaders, lang, 0),
                formatNumber(p.total, lang, 0),
                formatPercent(p.nonLeaders / p.total, lang),
              )
            : s.noParticipants}
        </p>
      )}
    </div>
  );
}
