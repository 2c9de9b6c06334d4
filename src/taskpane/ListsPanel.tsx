/** What the pane found in the workbook: one card per list, the lists not found, and "find again". */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Detection, ListSummary } from './actions';
import { LIST_TEXT, Lang } from '../i18n';
import { ListCard } from './ListCard';
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
  missing: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  lists: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  again: {
    alignSelf: 'flex-start',
  },
});

export interface ListsPanelProps {
  readonly detection: Detection;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onSetColumn: (list: ListSummary, field: string, column: number | null) => void;
  readonly onFindAgain: () => void;
  /** Bring the heading into view and focus it (then onFocused). */
  readonly focus?: boolean;
  readonly onFocused?: () => void;
}

export function ListsPanel({ detection, lang, busy, onSetColumn, onFindAgain, focus = false, onFocused }: ListsPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('lists-');
  const heading = useFocusWhen(focus, () => onFocused?.());
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={section.heading}>
        {s.listsHeading}
      </h2>
      {detection.missing.length > 0 && (
        <p className={styles.missing}>{s.listsMissing(detection.missing.map((k) => LIST_TEXT[k][lang]).join(', '))}</p>
      )}
      <div className={styles.lists}>
        {detection.lists.map((list) => (
          <ListCard key={`${list.kind}:${list.sheet}`} list={list} lang={lang} busy={busy} onSetColumn={onSetColumn} />
        ))}
      </div>
      <Button className={styles.again} disabledFocusable={busy} onClick={onFindAgain}>
        {s.findAgain}
      </Button>
    </section>
  );
}
