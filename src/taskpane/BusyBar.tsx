/**
 * What is running: a bar (moving while the amount of work is unknown, else filled to the figures
 * `onProgress` reports), and Hủy for actions
 * that can stop (those given a `signal`).
 */
import { Button, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { Lang, formatNumber } from '../i18n';
import { PaneState, Progress, isCancellable } from './jobs';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  label: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
  },
});

export interface BusyBarProps {
  readonly state: PaneState;
  readonly progress: Progress | null;
  readonly lang: Lang;
  readonly onCancel: () => void;
}

export function BusyBar({ state, progress, lang, onCancel }: BusyBarProps) {
  const styles = useStyles();
  // Selecting a cell takes one short call: no bar flashing for it.
  if (state === 'idle' || state === 'selecting') return null;
  const s = STRINGS[lang];
  const n = (x: number) => formatNumber(x, lang, 0);
  const figures = progress && progress.total > 0 && state !== 'cancelling' ? progress : null;
  const label = figures ? `${s.busy[state]} ${s.progress(n(figures.done), n(figures.total))}` : s.busy[state];
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <span className={styles.label}>{label}</span>
        {isCancellable(state) && (
          <Button size="small" onClick={onCancel}>
            {s.cancel}
          </Button>
        )}
      </div>
      {figures ? (
        <ProgressBar value={Math.min(figures.done, figures.total)} max={figures.total} aria-label={label} />
      ) : (
        <ProgressBar aria-label={label} />
      )}
    </div>
  );
}
