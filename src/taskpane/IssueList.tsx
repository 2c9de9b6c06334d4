/**
 * What the engine could not read as data: kind, a sentence saying what is wrong, and where.
 * Choosing one with a cell selects that cell; issues about a whole list have no cell to go to.
 */
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Issue } from '../workbook/issues';
import { ISSUE_KIND_TEXT, Lang, formatNumber, issueMessage } from '../i18n';
import { ItemButton } from './ItemButton';
import { ShowMore, usePaged } from './ShowMore';
import { cellRef } from './figures';
import { STRINGS } from './strings';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  static: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  kind: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  where: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface IssueListProps {
  readonly issues: readonly Issue[];
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onSelect: (issue: Issue) => void;
}

export function IssueList({ issues, lang, busy, onSelect }: IssueListProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = STRINGS[lang];
  const headingId = useId('issues-');
  const { shown, more } = usePaged(issues, issues);

  return (
    <section className={section.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.issuesHeading} ({formatNumber(issues.length, lang, 0)})
      </h2>
      {issues.length === 0 ? (
        <p className={section.hint}>{s.noIssues}</p>
      ) : (
        <>
          <p className={section.hint}>{s.goTo}</p>
          <ul className={section.list}>
            {shown.map((issue, i) => {
              const body = (
                <>
                  <span className={styles.kind}>{ISSUE_KIND_TEXT[issue.kind][lang]}</span>
                  <span>{issueMessage(issue, lang)}</span>
                  {(issue.cell || issue.sheet) && (
                    <span className={styles.where}>{issue.cell ? cellRef(issue.sheet, issue.cell) : issue.sheet}</span>
                  )}
                </>
              );
              return (
                <li key={`${issue.sheet}!${issue.cell}#${i}`}>
                  {issue.cell ? (
                    <ItemButton inactive={busy} onClick={() => onSelect(issue)}>
                      {body}
                    </ItemButton>
                  ) : (
                    <div className={styles.static}>{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
          <ShowMore shown={shown.length} total={issues.length} onMore={more} lang={lang} />
        </>
      )}
    </section>
  );
}
