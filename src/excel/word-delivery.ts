/**
 * Where a Word report can go from the task pane. A download (a Blob and a link click) works in
 * Office on the web and on Windows; Office on Mac and iPad run the pane in WKWebView, which does
 * not download from an add-in — closed "by design" (OfficeDev/office-js issues #2700 and #3385).
 * Excel's `Office.context.document` cannot take a .docx either (CoercionType.Ooxml is Word-only),
 * so there the report is written as the report sheet instead and the pane says why. In Word, the
 * document goes into the open document (`Word.Body.insertFileFromBase64`, WordApi 1.1; at most
 * 4 MB) — reached only by a manifest that declares Word, which this add-in's does not today.
 *
 * The host and platform come from `Office.context.diagnostics` (`ContextInformation.host`,
 * `.platform`: Office.HostType, Office.PlatformType; @types/office-js index.d.ts, interface
 * ContextInformation) — read here, the only place in the code that asks.
 */

export type WordReportWay = 'download' | 'word' | 'sheet';

/** The parts of the `Office` global this reads (a fake in the tests). */
export interface OfficeLike {
  readonly context?: {
    readonly host?: unknown;
    readonly diagnostics?: { readonly host?: unknown; readonly platform?: unknown } | null;
  } | null;
  readonly HostType?: { readonly Word?: unknown };
  readonly PlatformType?: { readonly Mac?: unknown; readonly iOS?: unknown };
}

/** Word's limit for insertFileFromBase64 (Word.Body, WordApi 1.1). */
export const WORD_INSERT_LIMIT = 4 * 1024 * 1024;

/** How to hand over a Word report in this Office (no Office, as in the preview page: download). */
export function wordReportWay(office: OfficeLike | undefined): WordReportWay {
  const ctx = office?.context;
  if (!ctx) return 'download';
  const host = ctx.diagnostics?.host ?? ctx.host;
  if (host !== undefined && host === office?.HostType?.Word) return 'word';
  const platform = ctx.diagnostics?.platform;
  const blocked = [office?.PlatformType?.Mac, office?.PlatformType?.iOS].filter((p) => p !== undefined);
  return platform !== undefined && blocked.includes(platform) ? 'sheet' : 'download';
}

/** The `Office` global where there is one (the adapter is the only place that reads it). */
export function officeGlobal(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

/** The subset of the Word API this uses (Word.run, body.insertFileFromBase64). */
export interface WordLike {
  run<T>(
    batch: (context: {
      document: { body: { insertFileFromBase64(b64: string, where: 'End'): unknown } };
      sync(): Promise<void>;
    }) => Promise<T>,
  ): Promise<T>;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Puts the report at the end of the open Word document. One sync. */
export async function insertIntoWord(word: WordLike, bytes: Uint8Array): Promise<void> {
  if (bytes.length > WORD_INSERT_LIMIT) throw new RangeError('report larger than Word can insert (4 MB)');
  await word.run(async (context) => {
    context.document.body.insertFileFromBase64(base64(bytes), 'End');
    await context.sync();
  });
}
