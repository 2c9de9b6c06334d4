/** The cards of the ten targets, in plan order; cards stack in one column on a narrow pane. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TargetResult } from '../engine';
import type { Lang } from '../i18n';
import { TargetCard } from './TargetCard';
import { partIds } from './figures';

const useStyles = makeStyles({
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  item: {
    display: 'grid',
    minWidth: 0,
  },
});

export interface TargetCardsProps {
  readonly targets: readonly TargetResult[];
  readonly year: number;
  readonly lang: Lang;
}

export function TargetCards({ targets, year, lang }: TargetCardsProps) {
  const styles = useStyles();
  const parts = partIds(targets);
  const byId = new Map(targets.map((t) => [t.id, t]));
  return (
    <ul className={styles.grid}>
      {targets
        .filter((t) => !parts.has(t.id))
        .map((t) => (
          <li key={t.id} className={styles.item}>
            <TargetCard target={t} parts={(t.parts ?? []).flatMap((id) => byId.get(id) ?? [])} year={year} lang={lang} />
          </li>
        ))}
    </ul>
  );
}
