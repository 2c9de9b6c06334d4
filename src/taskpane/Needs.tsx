/**
 * Who still needs training, in the pane: under a target card (T02/T03/T04) everyone not yet
 * achieved across the units, under a unit its people per target; and, apart, those whose value
 * is unknown. The lists are the session's (the same as `cchc evaluate --details`), asked for when
 * a list is first opened and shared by every card and unit of that evaluation. Choosing a person
 * goes to their row, by identity (the session checks the row still holds the name).
 */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { ReactNode, createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { Evaluation } from '../engine';
import type { PersonRef, UnitDetails } from '../excel/training-needs';
import { Lang, formatNumber } from '../i18n';
import type { PaneActions } from './actions';
import { ItemButton } from './ItemButton';
import { NEEDS_STRINGS } from './needs-strings';
import { ShowMore, usePaged } from './ShowMore';
import { useSectionStyles } from './styles';

interface NeedsValue {
  readonly targets: ReadonlySet<string>;
  readonly load: () => Promise<readonly UnitDetails[]>;
  readonly onSelect: (person: PersonRef) => void;
  readonly busy: boolean;
  readonly lang: Lang;
}

const NeedsContext = createContext<NeedsValue | null>(null);

export interface NeedsProviderProps {
  readonly actions?: PaneActions;
  readonly evaluation: Evaluation;
  readonly busy: boolean;
  readonly lang: Lang;
  readonly onSelect?: (person: PersonRef) => void;
  readonly children: ReactNode;
}

/** Offers the lists when the session can make them; one request per evaluation, retried after a failure. */
export function NeedsProvider({ actions, evaluation, busy, lang, onSelect, children }: NeedsProviderProps) {
  const load = useMemo(() => {
    let pending: Promise<readonly UnitDetails[]> | null = null;
    return () => {
      if (!actions?.trainingNeeds) return Promise.reject(new Error('unavailable'));
      pending ??= actions.trainingNeeds().catch((e: unknown) => {
        pending = null;
        throw e;
      });
      return pending;
    };
  }, [actions, evaluation]);
  const targets = useMemo(() => new Set(actions?.trainingTargets?.() ?? []), [actions, evaluation]);
  const value = useMemo<NeedsValue | null>(
    () => (actions?.trainingNeeds && onSelect ? { targets, load, onSelect, busy, lang } : null),
    [actions, targets, load, onSelect, busy, lang],
  );
  return <NeedsContext.Provider value={value}>{children}</NeedsContext.Provider>;
}

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly units: readonly UnitDetails[] }
  | { readonly status: 'failed' };

/** The lists once opened; asked again when the evaluation changes. */
function useLoaded(open: boolean, load: (() => Promise<readonly UnitDetails[]>) | undefined): Loaded {
  const [state, setState] = useState<{ readonly of: unknown; readonly loaded: Loaded } | null>(null);
  useEffect(() => {
    if (!open || !load || state?.of === load) return;
    let live = true;
    setState({ of: load, loaded: { status: 'loading' } });
    load().then(
      (units) => live && setState({ of: load, loaded: { status: 'ready', units } }),
      () => live && setState({ of: load, loaded: { status: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [open, load]);
  return state !== null && state.of === load ? state.loaded : { status: 'loading' };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, textAlign: 'left' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  name: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** People of one target, deduplicated (a repeated unit row lists its first row's people). */
function peopleOf(units: readonly UnitDetails[], unitIndex: number | null, id: string) {
  const seen = new Set<string>();
  const take = (list: readonly PersonRef[]) =>
    list.filter((p) => {
      const k = `${p.sheet}\u0000${p.row}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const chosen = unitIndex === null ? units : units.filter((u) => u.index === unitIndex);
  const targets = chosen.flatMap((u) => u.targets.filter((t) => t.id === id));
  return { missing: take(targets.flatMap((t) => t.missing)), unknown: take(targets.flatMap((t) => t.unknownRows)) };
}

function People({ title, people, v }: { title: string; people: readonly PersonRef[]; v: NeedsValue }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = NEEDS_STRINGS[v.lang];
  const { shown, more } = usePaged(people, people);
  return (
    <>
      <p className={styles.subheading}>{title}</p>
      <ul className={section.list}>
        {shown.map((p) => (
          <li key={`${p.sheet}!${p.row}`}>
            <ItemButton inactive={v.busy} onClick={() => v.onSelect(p)}>
              <span className={styles.name}>{p.name || s.noName}</span>
              <span className={styles.where}>{[p.title, s.where(p.sheet, p.row)].filter(Boolean).join(' · ')}</span>
            </ItemButton>
          </li>
        ))}
      </ul>
      <ShowMore shown={shown.length} total={people.length} onMore={more} lang={v.lang} />
    </>
  );
}

function TargetPeople({
  units,
  unitIndex,
  id,
  v,
}: {
  units: readonly UnitDetails[];
  unitIndex: number | null;
  id: string;
  v: NeedsValue;
}) {
  const s = NEEDS_STRINGS[v.lang];
  const section = useSectionStyles();
  const { missing, unknown } = useMemo(() => peopleOf(units, unitIndex, id), [units, unitIndex, id]);
  const n = (x: number) => formatNumber(x, v.lang, 0);
  return (
    <>
      {missing.length === 0 ? (
        <p className={section.hint}>{s.noneMissing}</p>
      ) : (
        <People title={s.missing(n(missing.length))} people={missing} v={v} />
      )}
      {unknown.length > 0 && <People title={s.unknown(n(unknown.length))} people={unknown} v={v} />}
    </>
  );
}

/** A button that opens the lists below it. */
function Disclosure({ label, children }: { label: string; children: (v: NeedsValue, loaded: Loaded) => ReactNode }) {
  const v = useContext(NeedsContext);
  const styles = useStyles();
  const section = useSectionStyles();
  const panelId = useId('needs-');
  const [open, setOpen] = useState(false);
  const loaded = useLoaded(open, v?.load);
  if (!v) return null;
  const s = NEEDS_STRINGS[v.lang];
  return (
    <div className={styles.root}>
      <Button
        className={styles.toggle}
        appearance="subtle"
        size="small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {open ? s.hide : label}
      </Button>
      {open && (
        <div id={panelId} className={styles.panel} role="region" aria-label={label}>
          {loaded.status === 'loading' && <p className={section.hint}>{s.loading}</p>}
          {loaded.status === 'failed' && <p className={section.hint}>{s.failed}</p>}
          {loaded.status === 'ready' && children(v, loaded)}
        </div>
      )}
    </div>
  );
}

/** Under a target card: everyone not yet achieved, across the units (only for T02/T03/T04). */
export function TargetNeeds({ id }: { readonly id: string }) {
  const v = useContext(NeedsContext);
  if (!v || !v.targets.has(id)) return null;
  return (
    <Disclosure label={NEEDS_STRINGS[v.lang].show(id)}>
      {(ctx, loaded) => loaded.status === 'ready' && <TargetPeople units={loaded.units} unitIndex={null} id={id} v={ctx} />}
    </Disclosure>
  );
}

/** Under a unit: its people per target it is judged on. */
export function UnitNeeds({ index, targetIds }: { readonly index: number; readonly targetIds: readonly string[] }) {
  const v = useContext(NeedsContext);
  const styles = useStyles();
  const ids = v ? targetIds.filter((t) => v.targets.has(t)) : [];
  if (!v || ids.length === 0) return null;
  return (
    <Disclosure label={NEEDS_STRINGS[v.lang].unitShow}>
      {(ctx, loaded) =>
        loaded.status === 'ready' &&
        ids.map((id) => (
          <section key={id} aria-label={id}>
            <h4 className={styles.subheading}>{id}</h4>
            <TargetPeople units={loaded.units} unitIndex={index} id={id} v={ctx} />
          </section>
        ))
      }
    </Disclosure>
  );
}
