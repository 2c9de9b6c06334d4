/**
 * What the pane says after "Chèn bảng kế hoạch", "Tổng hợp từ nhiều tệp" and "Tạo mẫu nhập liệu"
 * (and the template's download where Excel cannot open it): loaded with the working view, not in
 * the pane's first script.
 */
import type { ConsolidateOutcome, Detection } from '../excel/session';
import type { PaneActions } from './actions';
import type { Step } from './jobs';
import type { TemplateOutcome } from '../excel/template';
import type { Lang } from '../i18n';
import { CONSOLIDATE_STRINGS } from './consolidate-strings';
import type { NoticeMessage } from './Notice';
import { PLAN_STRINGS } from './plan-strings';

export function planInserted(sheet: string, lang: Lang): NoticeMessage {
  return { intent: 'success', text: PLAN_STRINGS[lang].inserted(sheet) };
}

export function consolidated(out: ConsolidateOutcome, lang: Lang): NoticeMessage {
  const t = CONSOLIDATE_STRINGS[lang];
  const failed = out.failed.length > 0 ? t.failed(out.failed.join(', ')) : '';
  return { intent: out.failed.length > 0 ? 'info' : 'success', text: t.done(out.files, out.sheet) + failed };
}

/** Offers bytes as a downloaded file (where Excel cannot open them as a new workbook). */
function saveFile(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function templateMade(out: TemplateOutcome, lang: Lang): NoticeMessage {
  const t = CONSOLIDATE_STRINGS[lang];
  if (out.opened) return { intent: 'success', text: t.templateOpened };
  saveFile(out.name, out.bytes);
  return { intent: 'success', text: t.templateSaved(out.name) };
}

/** What the pane's extra flows need from App (they live here so the pane's first script stays small). */
export interface ExtrasContext {
  readonly actions: PaneActions;
  readonly lang: Lang;
  readonly year: number;
  readonly inclusive: boolean;
  perform<T>(flow: (step: Step) => Promise<T>, done: (value: T) => void): Promise<unknown>;
  showDetection(d: Detection): void;
  setNotice(n: NoticeMessage): void;
}

export interface ExtraFlows {
  readonly insertPlan?: () => void;
  readonly consolidate?: (files: readonly File[]) => void;
  readonly makeTemplate?: () => void;
}

/** "Chèn bảng kế hoạch", "Tổng hợp từ nhiều tệp", "Tạo mẫu nhập liệu" as the pane runs them. */
export function extraFlows(c: ExtrasContext): ExtraFlows {
  const { actions, lang } = c;
  const insert = actions.insertPlan;
  const run = actions.consolidate;
  const make = actions.makeTemplate;
  return {
    insertPlan: insert
      ? () =>
          void c.perform(
            async (step) => {
              const sheet = await step('insertingPlan', () => insert.call(actions, c.inclusive));
              const detection = await step('detecting', (o) => actions.detect(o));
              return { notice: planInserted(sheet, lang), detection };
            },
            ({ notice, detection }) => {
              c.showDetection(detection);
              c.setNotice(notice);
            },
          )
      : undefined,
    consolidate: run
      ? (files) =>
          void c.perform(async (step) => {
            const out = await step('consolidating', (o) => run.call(actions, files, c.year, c.inclusive, o));
            return consolidated(out, lang);
          }, c.setNotice)
      : undefined,
    makeTemplate: make
      ? () =>
          void c.perform(async (step) => {
            const out = await step('makingTemplate', () => make.call(actions));
            return templateMade(out, lang);
          }, c.setNotice)
      : undefined,
  };
}
