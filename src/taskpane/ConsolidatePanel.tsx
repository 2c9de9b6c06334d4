/**
 * "Tổng hợp từ nhiều tệp": pick the units' .xlsx files and consolidate them into a new sheet. The
 * reading runs in a Web Worker; progress and cancel are the pane's busy bar (job "consolidating").
 */
import { Button, Field, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Lang } from '../i18n';
import { CONSOLIDATE_STRINGS } from './consolidate-strings';
import { YEARS } from './figures';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // The native input stays in the page (keyboard, screen readers, automation) but the button shows.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  text: { margin: 0 },
  year: { maxWidth: '240px' },
  template: { alignSelf: 'flex-start' },
});

export interface ConsolidatePanelProps {
  readonly year: number;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onConsolidate: (files: readonly File[]) => void;
  /** Given where no other control sets the year (a workbook without lists): the panel shows its own. */
  readonly onYear?: (year: number) => void;
  /** "Tạo mẫu nhập liệu" (absent where the surface cannot make it). */
  readonly onMakeTemplate?: () => void;
}

export function ConsolidatePanel({ year, lang, busy, onConsolidate, onYear, onMakeTemplate }: ConsolidatePanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = CONSOLIDATE_STRINGS[lang];
  const headingId = useId('consolidate-');
  const hintId = useId('consolidate-hint-');
  const inputId = useId('consolidate-files-');
  const templateId = useId('template-hint-');
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[]>([]);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {s.heading}
      </h2>
      <p id={hintId} className={section.hint}>
        {s.hint(year)}
      </p>
      {onYear && (
        <Field className={styles.year} label={s.year}>
          <Select value={String(year)} onChange={(_e, data) => onYear(Number(data.value))}>
            {YEARS.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <input
        ref={input}
        id={inputId}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.choose}
        tabIndex={-1}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      <div className={styles.row}>
        <Button disabledFocusable={busy} aria-describedby={hintId} onClick={() => input.current?.click()}>
          {s.choose}
        </Button>
        <Button appearance="primary" disabledFocusable={busy || files.length === 0} onClick={() => onConsolidate(files)}>
          {s.run}
        </Button>
      </div>
      <p className={styles.text} role="status">
        {files.length > 0 ? s.chosen(files.length) : s.none}
      </p>
      {onMakeTemplate && (
        <>
          <p id={templateId} className={section.hint}>
            {s.templateHint}
          </p>
          <Button className={styles.template} disabledFocusable={busy} aria-describedby={templateId} onClick={onMakeTemplate}>
            {s.template}
          </Button>
        </>
      )}
    </section>
  );
}
