/** One target as a card: id and name, status badge, figures; T05 shows its two parts inside. */
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { TargetResult } from '../engine';
import type { Lang } from '../i18n';
import { TargetNeeds } from './Needs';
import { StatusBadge } from './StatusBadge';
import { TargetFigures } from './TargetFigures';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  partTitle: {
    margin: 0,
    minWidth: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  id: {
    color: tokens.colorBrandForeground1,
  },
  parts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  part: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface TargetCardProps {
  readonly target: TargetResult;
  /** The targets this one combines (T05a, T05b), shown inside its card. */
  readonly parts: readonly TargetResult[];
  readonly year: number;
  readonly lang: Lang;
}

export function TargetCard({ target, parts, year, lang }: TargetCardProps) {
  const styles = useStyles();
  const headingId = useId('target-');
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.title}>
          <span className={styles.id}>{target.id}</span> · {target.name[lang]}
        </h3>
        <StatusBadge of="target" status={target.status} lang={lang} />
      </div>
      {parts.length > 0 ? (
        <>
          <p className={styles.muted}>{STRINGS[lang].partsMet(target.achieved, parts.length)}</p>
          <ul className={styles.parts}>
            {parts.map((p) => (
              <li key={p.id} className={styles.part}>
                <div className={styles.head}>
                  <h4 className={styles.partTitle}>
                    <span className={styles.id}>{p.id}</span> · {p.name[lang]}
                  </h4>
                  <StatusBadge of="target" status={p.status} lang={lang} />
                </div>
                <TargetFigures target={p} year={year} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <TargetFigures target={target} year={year} lang={lang} />
      )}
      <TargetNeeds id={target.id} />
    </section>
  );
}
