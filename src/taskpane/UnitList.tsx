/**
 * The units that are not compliant or undetermined, searchable by name (with or without
 * diacritics); choosing one selects its row in the workbook.
 */
import { Field, SearchBox, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { UnitResult } from '../engine';
import { Lang, UNIT_KIND_TEXT, formatNumber } from '../i18n';
import { foldKey } from '../text/fold';
import { ItemButton } from './ItemButton';
import { UnitNeeds } from './Needs';
import { ShowMore, usePaged } from './ShowMore';
import { StatusBadge } from './StatusBadge';
import { cellRef } from './figures';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  name: {
    fontWeight: tokens.fontWeightSemibold,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  where: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

const SHOWN: ReadonlySet<UnitResult['status']> = new Set<UnitResult['status']>(['non_compliant', 'undetermined']);

export interface UnitListProps {
  /** Every unit of the evaluation; the list keeps those not compliant or undetermined. */
  readonly units: readonly UnitResult[];
  readonly lang: Lang;
  /** Another action is running: rows stay focusable but do nothing. */
  readonly busy: boolean;
  readonly onSelect: (unit: UnitResult) => void;
}

export function UnitList({ units, lang, busy, onSelect }: UnitListProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('units-');
  const [query, setQuery] = useState('');
  const flagged = useMemo(() => units.filter((u) => SHOWN.has(u.status)), [units]);
  const matching = useMemo(() => {
    const key = foldKey(query);
    return key === '' ? flagged : flagged.filter((u) => foldKey(u.name).includes(key));
  }, [flagged, query]);
  const { shown, more } = usePaged(matching, query);

  return (
    <section className={section.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.unitsHeading} ({formatNumber(flagged.length, lang, 0)})
      </h2>
      {flagged.length === 0 ? (
        <p className={section.hint}>{s.noUnitsLeft}</p>
      ) : (
        <>
          <Field label={s.searchUnits}>
            <SearchBox
              value={query}
              placeholder={s.searchPlaceholder}
              dismiss={{ 'aria-label': s.clearSearch }}
              onChange={(_e, data) => setQuery(data.value)}
            />
          </Field>
          <p className={section.hint}>{matching.length === 0 ? s.noUnitMatches : s.goTo}</p>
          <ul className={section.list}>
            {shown.map((u) => (
              <li key={u.index}>
                <ItemButton inactive={busy} onClick={() => onSelect(u)}>
                  <span className={styles.name}>{u.name}</span>
                  <span className={styles.line}>
                    <StatusBadge of="unit" status={u.status} lang={lang} />
                    {u.failed.length > 0 && <span>{s.failedTargets(u.failed.join(', '))}</span>}
                  </span>
                  <span className={styles.where}>
                    {UNIT_KIND_TEXT[u.kind][lang]} · {cellRef(u.sheet, `A${u.row}`)}
                  </span>
                </ItemButton>
                <UnitNeeds index={u.index} targetIds={u.targets.map((t) => t.id)} />
              </li>
            ))}
          </ul>
          <ShowMore shown={shown.length} total={matching.length} onMore={more} lang={lang} />
        </>
      )}
    </section>
  );
}
