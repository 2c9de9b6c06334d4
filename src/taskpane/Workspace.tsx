/**
 * The pane's working view once the lists have been looked for: the empty state when nothing was
 * found, else the lists (with their columns), the year and reading, and the write buttons. Loaded
 * while the first detection runs, so the pane's first script stays small.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { Detection, ListSummary } from './actions';
import { ActionBar, Writable } from './ActionBar';
import { EmptyState } from './EmptyState';
import { EvaluatePanel } from './EvaluatePanel';
import { ConsolidatePanel } from './ConsolidatePanel';
import { ExtrasContext, extraFlows } from './extras';
import { ListsPanel } from './ListsPanel';
import { PlanSheetPanel } from './PlanSheetPanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    minWidth: 0,
  },
});

export interface WorkspaceProps {
  /** What was found; null when nothing was. */
  readonly detection: Detection | null;
  readonly year: number;
  readonly inclusive: boolean;
  readonly writable: Writable;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onInsertSample: () => void;
  readonly onSetColumn: (list: ListSummary, field: string, column: number | null) => void;
  readonly onFindAgain: () => void;
  readonly onYear: (year: number) => void;
  readonly onInclusive: (inclusive: boolean) => void;
  readonly onEvaluate: () => void;
  readonly onColor: () => void;
  readonly onReport: () => void;
  readonly onClear: (reports: boolean) => void;
  /** Move focus to the lists (after inserting the sample); onFocused once done. */
  readonly focusLists?: boolean;
  readonly onFocused?: () => void;

  /** "Chèn bảng kế hoạch", "Tổng hợp từ nhiều tệp", "Tạo mẫu nhập liệu" (each where the surface offers it). */
  readonly extras?: ExtrasContext;
}

export function Workspace(p: WorkspaceProps) {
  const styles = useStyles();
  const flows = p.extras ? extraFlows(p.extras) : {};
  const consolidate = (ownYear: boolean) =>
    flows.consolidate && (
      <ConsolidatePanel
        year={p.year}
        lang={p.lang}
        busy={p.busy}
        onConsolidate={flows.consolidate}
        onYear={ownYear ? p.onYear : undefined}
        onMakeTemplate={flows.makeTemplate}
      />
    );
  // With lists found, the section goes under the results (App renders ConsolidateSection).
  if (!p.detection)
    return (
      <div className={styles.root}>
        <EmptyState lang={p.lang} busy={p.busy} onInsertSample={p.onInsertSample} />
        {consolidate(true)}
      </div>
    );
  return (
    <div className={styles.root}>
      <ListsPanel
        detection={p.detection}
        lang={p.lang}
        busy={p.busy}
        onSetColumn={p.onSetColumn}
        onFindAgain={p.onFindAgain}
        focus={p.focusLists ?? false}
        onFocused={p.onFocused}
      />
      <EvaluatePanel
        year={p.year}
        inclusive={p.inclusive}
        lang={p.lang}
        busy={p.busy}
        onYear={p.onYear}
        onInclusive={p.onInclusive}
        onEvaluate={p.onEvaluate}
      />
      <PlanSheetPanel plan={p.detection.plan} lang={p.lang} busy={p.busy} onInsertPlan={flows.insertPlan} />
      <ActionBar
        writable={p.writable}
        lang={p.lang}
        busy={p.busy}
        onColor={p.onColor}
        onReport={p.onReport}
        onClear={p.onClear}
      />
    </div>
  );
}

/** "Tổng hợp từ nhiều tệp" under the results (App places it; the empty state has its own above). */
export function ConsolidateSection({ busy, extras }: { readonly busy: boolean; readonly extras: ExtrasContext }) {
  const flows = extraFlows(extras);
  if (!flows.consolidate) return null;
  return (
    <ConsolidatePanel
      year={extras.year}
      lang={extras.lang}
      busy={busy}
      onConsolidate={flows.consolidate}
      onMakeTemplate={flows.makeTemplate}
    />
  );
}

export default Workspace;
