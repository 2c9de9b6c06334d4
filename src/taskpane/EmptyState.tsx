/**
 * Nothing found: what lists and headers the add-in expects, and the primary way forward —
 * inserting the sample lists to see the layout.
 */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { LIST_KINDS, SCHEMAS } from '../workbook/fields';
import type { Lang } from '../i18n';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  lists: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
  },
  list: {
    fontWeight: tokens.fontWeightSemibold,
  },
  headers: {
    color: tokens.colorNeutralForeground2,
  },
  action: {
    alignSelf: 'flex-start',
    maxWidth: '100%',
  },
});

export interface EmptyStateProps {
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onInsertSample: () => void;
}

export function EmptyState({ lang, busy, onInsertSample }: EmptyStateProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('empty-');
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.emptyHeading}
      </h2>
      <p className={styles.text}>{s.emptyIntro}</p>
      <ul className={styles.lists}>
        {LIST_KINDS.map((kind) => {
          const schema = SCHEMAS[kind];
          const headers = (schema.fields as ReadonlyArray<{ field: string; header: { vi: string } }>)
            .filter((f) => f.field !== 'stt')
            .map((f) => `"${f.header.vi}"`)
            .join(', ');
          return (
            <li key={kind}>
              <span className={styles.list}>{schema.title[lang]}</span>
              <span className={styles.headers}>
                {' '}
                — {s.emptyHeaders} {headers}
              </span>
            </li>
          );
        })}
      </ul>
      <p className={styles.text}>{s.emptySample}</p>
      <Button className={styles.action} appearance="primary" disabledFocusable={busy} onClick={onInsertSample}>
        {s.insertSample}
      </Button>
    </section>
  );
}
