/**
 * The Word report's letterhead (NĐ 30/2020), editable: a collapsed section beside "Báo cáo Word".
 * Opened, it asks the session what the workbook's heading rows say and what was saved; an empty box
 * prints "……". "Lưu" keeps what differs from the workbook in the workbook's settings, so it comes
 * back when the file is opened again and the Word report uses it. One column: fits a 320 px pane.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { LetterheadDraft } from '../excel/letterhead-store';
import type { Lang } from '../i18n';
import type { Letterhead } from '../report/docx/letterhead';
import type { PaneActions } from './actions';
import { errorText } from './figures';
import { NEEDS_STRINGS } from './needs-strings';

/** The text fields, in the order of the letterhead on the page. */
const TEXT_FIELDS = [
  'parentAgency',
  'agency',
  'number',
  'symbol',
  'place',
  'signerAuthority',
  'signerTitle',
  'signerName',
] as const satisfies readonly (keyof Letterhead)[];
type TextField = (typeof TEXT_FIELDS)[number];

/** What the boxes hold: texts, the recipients one per line. */
export type LetterheadTexts = Record<TextField | 'recipients', string>;

const MAX_TEXT = 300;
const MAX_RECIPIENTS = 50;

/** The boxes' start: what was saved, else what the workbook says, else empty. */
export function textsOf(draft: LetterheadDraft): LetterheadTexts {
  const pick = <K extends keyof Letterhead>(k: K) => draft.saved[k] ?? draft.fromWorkbook[k];
  const out = Object.fromEntries(TEXT_FIELDS.map((f) => [f, (pick(f) as string | null | undefined) ?? ''])) as LetterheadTexts;
  out.recipients = (pick('recipients') ?? []).join('\n');
  return out;
}

/** What to save: the boxes that differ from what the workbook says (so a later heading change shows through). */
export function editsOf(texts: LetterheadTexts, fromWorkbook: Partial<Letterhead>): Partial<Letterhead> {
  const out: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) {
    const v = texts[f].trim().slice(0, MAX_TEXT);
    if (v !== '' && v !== (fromWorkbook[f] ?? '')) out[f] = v;
  }
  const lines = texts.recipients
    .split('\n')
    .map((l) => l.trim().slice(0, MAX_TEXT))
    .filter((l) => l !== '')
    .slice(0, MAX_RECIPIENTS);
  if (lines.length > 0 && lines.join('\n') !== (fromWorkbook.recipients ?? []).join('\n')) out.recipients = lines;
  return out as Partial<Letterhead>;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  save: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

type State =
  | { readonly status: 'closed' | 'loading' | 'failed' }
  | { readonly status: 'ready'; readonly draft: LetterheadDraft; readonly texts: LetterheadTexts; readonly said: string };

export interface LetterheadFormProps {
  readonly actions: PaneActions;
  readonly lang: Lang;
  readonly busy: boolean;
}

export function LetterheadForm({ actions, lang, busy }: LetterheadFormProps) {
  const styles = useStyles();
  const s = NEEDS_STRINGS[lang];
  const [state, setState] = useState<State>({ status: 'closed' });
  const [saving, setSaving] = useState(false);
  if (!actions.letterhead || !actions.saveLetterhead) return null;

  function open() {
    if (state.status === 'ready' || state.status === 'loading') return;
    setState({ status: 'loading' });
    actions.letterhead?.().then(
      (draft) => setState({ status: 'ready', draft, texts: textsOf(draft), said: '' }),
      () => setState({ status: 'failed' }),
    );
  }

  function edit(field: keyof LetterheadTexts, value: string) {
    if (state.status === 'ready') setState({ ...state, texts: { ...state.texts, [field]: value }, said: '' });
  }

  async function save() {
    if (state.status !== 'ready' || saving) return;
    setSaving(true);
    try {
      const saved = await actions.saveLetterhead?.(editsOf(state.texts, state.draft.fromWorkbook));
      setState({ ...state, draft: { ...state.draft, saved: saved ?? {} }, said: s.saved });
    } catch (e) {
      setState({ ...state, said: errorText(e, lang) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Accordion collapsible onToggle={(_e, data) => data.openItems.length > 0 && open()}>
      <AccordionItem value="letterhead">
        <AccordionHeader size="small">{s.letterhead}</AccordionHeader>
        <AccordionPanel>
          {state.status === 'loading' && <p className={styles.hint}>…</p>}
          {state.status === 'failed' && <p className={styles.hint}>{s.loadFailed}</p>}
          {state.status === 'ready' && (
            <form
              className={styles.form}
              aria-label={s.letterhead}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <p className={styles.hint}>{s.letterheadHint}</p>
              {TEXT_FIELDS.map((f) => (
                <Field
                  key={f}
                  label={s.fields[f]}
                  hint={
                    state.texts[f] !== '' && state.texts[f] === (state.draft.fromWorkbook[f] ?? '') ? s.fromWorkbook : undefined
                  }
                >
                  <Input value={state.texts[f]} placeholder="……" maxLength={MAX_TEXT} onChange={(_e, d) => edit(f, d.value)} />
                </Field>
              ))}
              <Field label={s.fields.recipients} hint={s.recipientsHint}>
                <Textarea
                  value={state.texts.recipients}
                  placeholder="……"
                  resize="vertical"
                  onChange={(_e, d) => edit('recipients', d.value)}
                />
              </Field>
              <div className={styles.save}>
                <Button type="submit" appearance="primary" disabledFocusable={busy || saving}>
                  {s.save}
                </Button>
                <p className={styles.hint} role="status">
                  {state.said}
                </p>
              </div>
            </form>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
