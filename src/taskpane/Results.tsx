/**
 * Everything shown once there is an evaluation: the target cards, the units to follow up and the
 * data to check. Loaded on demand (the pane's first screen does not need it).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation, UnitResult } from '../engine';
import type { Lang } from '../i18n';
import type { Issue } from '../workbook/issues';
import type { PersonRef } from '../excel/training-needs';
import type { PaneActions } from './actions';
import { NeedsProvider } from './Needs';
import { IssueList } from './IssueList';
import { ResultsPanel } from './ResultsPanel';
import { UnitList } from './UnitList';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    minWidth: 0,
  },
});

export interface ResultsProps {
  readonly evaluation: Evaluation;
  readonly lang: Lang;
  readonly outdated: string | null;
  readonly busy: boolean;
  readonly onSelectUnit: (unit: UnitResult) => void;
  readonly onSelectIssue: (issue: Issue) => void;
  /** Bring the results into view and focus their heading (then onFocused). */
  readonly focusResults?: boolean;
  readonly onFocused?: () => void;
  /** Who still needs training (under the cards and the units), where the session offers it. */
  readonly actions?: PaneActions;
  readonly onSelectPerson?: (person: PersonRef) => void;
}

export function Results(p: ResultsProps) {
  const { evaluation, lang, outdated, busy, onSelectUnit, onSelectIssue } = p;
  const styles = useStyles();
  return (
    <NeedsProvider actions={p.actions} evaluation={evaluation} busy={busy} lang={lang} onSelect={p.onSelectPerson}>
      <div className={styles.root}>
        <ResultsPanel
          evaluation={evaluation}
          lang={lang}
          outdated={outdated}
          focus={p.focusResults ?? false}
          onFocused={p.onFocused}
        />
        <UnitList units={evaluation.units} lang={lang} busy={busy} onSelect={onSelectUnit} />
        <IssueList issues={evaluation.issues} lang={lang} busy={busy} onSelect={onSelectIssue} />
      </div>
    </NeedsProvider>
  );
}

export default Results;
