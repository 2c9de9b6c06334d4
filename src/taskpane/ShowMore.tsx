/**
 * Long lists render their first 200 items and a "show more" button, so a workbook with thousands
 * of units or issues does not make the pane slow.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Lang, formatNumber } from '../i18n';
import { STRINGS } from './strings';

export const PAGE = 200;

/** The first `limit` items; the limit starts again at one page when `resetKey` changes (a new search). */
export function usePaged<T>(items: readonly T[], resetKey: unknown): { shown: readonly T[]; more: () => void } {
  const [state, setState] = useState({ key: resetKey, limit: PAGE });
  const limit = Object.is(state.key, resetKey) ? state.limit : PAGE;
  return {
    shown: items.length > limit ? items.slice(0, limit) : items,
    more: () => setState({ key: resetKey, limit: limit + PAGE }),
  };
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  text: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface ShowMoreProps {
  readonly shown: number;
  readonly total: number;
  readonly onMore: () => void;
  readonly lang: Lang;
}

export function ShowMore({ shown, total, onMore, lang }: ShowMoreProps) {
  const styles = useStyles();
  if (shown >= total) return null;
  const s = STRINGS[lang];
  const n = (x: number) => formatNumber(x, lang, 0);
  return (
    <div className={styles.root}>
      <p className={styles.text}>{s.shown(n(shown), n(total))}</p>
      <Button onClick={onMore}>{s.showMore(n(Math.min(PAGE, total - shown)))}</Button>
    </div>
  );
}
