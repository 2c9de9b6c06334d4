/**
 * The letterhead the user typed in the task pane, remembered in the workbook: a document setting
 * (`context.workbook.settings`, Excel.SettingCollection, ExcelApi 1.4 — "the scope is limited to
 * per file and add-in combination", @types/office-js index.d.ts, class SettingCollection), so it
 * comes back when the file is opened again, anywhere. Stored as JSON text, like the add-in's state
 * (state.ts); read tolerantly: a field that is not as expected is dropped, never trusted.
 */
import {
  LETTERHEAD_FIELDS,
  Letterhead,
  headerRowsOf,
  letterheadFromGrid,
  mergeLetterheads,
  parseLetterhead,
} from '../report/docx/letterhead';
import { ExcelEnv } from './env';
import { fromOfficeError } from './errors';
import type { WorkbookRead } from './read';

export const LETTERHEAD_KEY = 'cchc.addin.letterhead';

/** Only the fields given, each checked as a letterhead file's would be (texts, at most 300 characters). */
export function parseSavedLetterhead(raw: unknown): Partial<Letterhead> {
  let v = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (!(LETTERHEAD_FIELDS as readonly string[]).includes(key)) continue;
    try {
      Object.assign(out, parseLetterhead({ [key]: value }));
    } catch {
      // A bad field is dropped; the others are kept.
    }
  }
  return out as Partial<Letterhead>;
}

/** What is worth keeping: trimmed texts, recipients without blank lines; empty fields left out. */
export function cleanLetterhead(lh: Partial<Letterhead>): Partial<Letterhead> {
  const out: Record<string, unknown> = {};
  for (const field of LETTERHEAD_FIELDS) {
    const v = lh[field];
    if (field === 'recipients') {
      const lines = Array.isArray(v) ? (v as readonly string[]).map((x) => x.trim()).filter((x) => x !== '') : [];
      if (lines.length > 0) out[field] = lines;
    } else if (typeof v === 'string' && v.trim() !== '') out[field] = v.trim();
  }
  return out as Partial<Letterhead>;
}

/** The letterhead saved in the workbook ({} when none). One sync. */
export async function readSavedLetterhead(env: ExcelEnv): Promise<Partial<Letterhead>> {
  try {
    return await env.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(LETTERHEAD_KEY);
      setting.load('value');
      await context.sync();
      return setting.isNullObject ? {} : parseSavedLetterhead(setting.value);
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}

/** Saves the letterhead (replacing what was saved); checked first, so a bad field never lands. One sync. */
export async function saveLetterhead(env: ExcelEnv, lh: Partial<Letterhead>): Promise<Partial<Letterhead>> {
  const clean = parseLetterhead(cleanLetterhead(lh));
  try {
    await env.run(async (context) => {
      context.workbook.settings.add(LETTERHEAD_KEY, JSON.stringify(clean));
      await context.sync();
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
  return clean;
}

/** The letterhead form's start: what the workbook's heading rows say, and what the user saved. */
export interface LetterheadDraft {
  readonly fromWorkbook: Partial<Letterhead>;
  readonly saved: Partial<Letterhead>;
}

export async function letterheadDraft(env: ExcelEnv, read: WorkbookRead): Promise<LetterheadDraft> {
  // As the report would have it from the workbook alone (the place follows from a people's committee).
  const fromWorkbook = cleanLetterhead(mergeLetterheads(letterheadFromGrid(read.grid, headerRowsOf(read.dataset))));
  return { fromWorkbook, saved: await readSavedLetterhead(env) };
}
