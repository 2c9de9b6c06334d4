/**
 * The package's bookkeeping when a sheet is added: the workbook's sheet list and print area,
 * its relationships, [Content_Types].xml and the sheet titles in docProps/app.xml. Each part is
 * small; edits are splices into its bytes, so everything else in it stays as it was.
 */
import {
  Splice,
  Tok,
  Token,
  applySplices,
  attr,
  closingIndex,
  escapeAttr,
  escapeText,
  prefixOf,
  tokens,
  unescapeXml,
  utf8,
} from './xml';

export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
const REL_NS_VALUES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

function isStart(t: Token, name: string): boolean {
  return (t.kind === Tok.Open || t.kind === Tok.Empty) && t.name === name;
}

/** A part name from a relationship target, relative to the part that holds the relationship. */
export function resolveTarget(base: string, target: string): string {
  const clean = target.split('#')[0];
  if (clean.startsWith('/')) return clean.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of clean.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function readRels(part: Uint8Array | null): Relationship[] {
  if (part === null) return [];
  const out: Relationship[] = [];
  for (const t of tokens(part)) {
    if (!isStart(t, 'Relationship')) continue;
    const tag = utf8(part, t.start, t.end);
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: attr(tag, 'Target') ?? '',
      external: attr(tag, 'TargetMode') === 'External',
    });
  }
  return out;
}

/** The workbook part's name, from the package relationships (xl/workbook.xml almost always). */
export function workbookPartName(rootRels: Uint8Array | null): string {
  const rel = readRels(rootRels).find((r) => OFFICE_DOCUMENT_REL.test(r.type));
  return rel ? resolveTarget('', rel.target) : 'xl/workbook.xml';
}

export interface SheetEntry {
  readonly name: string;
  readonly relId: string;
  readonly sheetId: number;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetEntry[];
  /** The prefix bound to the relationships namespace ("r:"), as written in the part. */
  readonly relPrefix: string | null;
}

export function readWorkbook(part: Uint8Array): WorkbookInfo {
  const toks = tokens(part);
  const sheets: SheetEntry[] = [];
  let relPrefix: string | null = null;
  for (const t of toks) {
    if (t.kind !== Tok.Open && t.kind !== Tok.Empty) continue;
    const tag = utf8(part, t.start, t.end);
    if (t.name === 'workbook') {
      for (const m of tag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) if (REL_NS_VALUES.has(m[2])) relPrefix = m[1];
    }
    if (t.name === 'sheet') {
      sheets.push({
        name: attr(tag, 'name') ?? '',
        relId: attr(tag, `${relPrefix ?? 'r'}:id`) ?? '',
        sheetId: Number(attr(tag, 'sheetId') ?? 0),
      });
    }
  }
  return { sheets, relPrefix };
}

/** Elements after <definedNames> in a workbook (CT_Workbook's order). */
const AFTER_DEFINED_NAMES = new Set([
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/** The workbook part with a sheet added at the end of the tab order and its print area. */
export function addSheetToWorkbook(
  part: Uint8Array,
  sheet: { name: string; relId: string; printArea: string | null },
): Uint8Array {
  const toks = tokens(part);
  const info = readWorkbook(part);
  const root = toks.findIndex((t) => isStart(t, 'workbook'));
  const p = prefixOf(utf8(part, toks[root].start, toks[root].end));
  const splices: Splice[] = [];
  const relAttr = info.relPrefix ? `${info.relPrefix}:id` : 'r:id';
  const relNs = info.relPrefix ? '' : ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
  const sheetXml = `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheetId}" ${relAttr}="${sheet.relId}"${relNs}/>`;
  const sheetsAt = toks.findIndex((t) => isStart(t, 'sheets'));
  if (sheetsAt < 0) throw new Error('the workbook has no <sheets>');
  const sheetsTok = toks[sheetsAt];
  if (sheetsTok.kind === Tok.Empty)
    splices.push({ at: sheetsTok.start, del: sheetsTok.end - sheetsTok.start, insert: `<${p}sheets>${sheetXml}</${p}sheets>` });
  else splices.push({ at: toks[closingIndex(toks, sheetsAt)].start, del: 0, insert: sheetXml });

  if (sheet.printArea !== null) {
    const name = `<${p}definedName name="_xlnm.Print_Area" localSheetId="${info.sheets.length}">${escapeText(sheet.printArea)}</${p}definedName>`;
    const dn = toks.findIndex((t) => isStart(t, 'definedNames'));
    if (dn >= 0 && toks[dn].kind === Tok.Open) splices.push({ at: toks[closingIndex(toks, dn)].start, del: 0, insert: name });
    else if (dn >= 0)
      splices.push({
        at: toks[dn].start,
        del: toks[dn].end - toks[dn].start,
        insert: `<${p}definedNames>${name}</${p}definedNames>`,
      });
    else {
      let depth = 0;
      let at = -1;
      for (const t of toks) {
        if (t.kind === Tok.Close && --depth === 0) {
          at = t.start;
          break;
        }
        if (depth === 1 && (t.kind === Tok.Open || t.kind === Tok.Empty) && AFTER_DEFINED_NAMES.has(t.name)) {
          at = t.start;
          break;
        }
        if (t.kind === Tok.Open) depth++;
      }
      splices.push({ at, del: 0, insert: `<${p}definedNames>${name}</${p}definedNames>` });
    }
  }
  return applySplices(part, splices);
}

/** Adds relationships to a relationships part (or makes one); returns it and the new ids. */
export function addRels(
  part: Uint8Array | null,
  rels: ReadonlyArray<{ type: string; target: string }>,
): { part: string | Uint8Array; ids: string[] } {
  const existing = new Set(readRels(part).map((r) => r.id));
  const ids: string[] = [];
  let n = 1;
  for (let i = 0; i < rels.length; i++) {
    while (existing.has(`rId${n}`)) n++;
    existing.add(`rId${n}`);
    ids.push(`rId${n}`);
  }
  const xml = rels.map((r, i) => `<Relationship Id="${ids[i]}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (part === null) {
    return {
      part: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`,
      ids,
    };
  }
  const toks = tokens(part);
  const root = toks.findIndex((t) => isStart(t, 'Relationships'));
  if (root < 0) throw new Error('relationships part without <Relationships>');
  const p = prefixOf(utf8(part, toks[root].start, toks[root].end));
  const body = p ? xml.replace(/<Relationship /g, `<${p}Relationship `) : xml;
  const t = toks[root];
  const splice: Splice =
    t.kind === Tok.Empty
      ? {
          at: t.start,
          del: t.end - t.start,
          insert: `${utf8(part, t.start, t.end).replace(/\s*\/>$/, '>')}${body}</${p}Relationships>`,
        }
      : { at: toks[closingIndex(toks, root)].start, del: 0, insert: body };
  return { part: applySplices(part, [splice]), ids };
}

/**
 * The kind of workbook package, named by the file extension Excel requires for it: Excel refuses
 * to open a file whose extension and main content type disagree ("the file format or file
 * extension is not valid"), so a copy keeps the original's extension.
 */
export type PackageKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm' | 'xlam';

/** The package's kind, from the content type [Content_Types].xml gives the workbook part. */
export function packageKind(types: Uint8Array | null, wbPath: string): PackageKind {
  if (types === null) return 'xlsx';
  const want = `/${wbPath}`.toLowerCase();
  let type = '';
  for (const t of tokens(types)) {
    if (!isStart(t, 'Override')) continue;
    const tag = utf8(types, t.start, t.end);
    if ((attr(tag, 'PartName') ?? '').toLowerCase() !== want) continue;
    type = (attr(tag, 'ContentType') ?? '').toLowerCase();
    break;
  }
  // application/vnd.ms-excel.sheet.macroEnabled.main+xml, …spreadsheetml.template.main+xml,
  // application/vnd.ms-excel.template.macroEnabled.main+xml, application/vnd.ms-excel.addin.macroEnabled.main+xml
  if (type.includes('.addin.')) return 'xlam';
  const macro = type.includes('macroenabled');
  if (type.includes('.template.')) return macro ? 'xltm' : 'xltx';
  return macro ? 'xlsm' : 'xlsx';
}

/** [Content_Types].xml with overrides for new parts. */
export function addContentTypes(part: Uint8Array, overrides: ReadonlyArray<{ part: string; type: string }>): Uint8Array {
  const toks = tokens(part);
  const root = toks.findIndex((t) => isStart(t, 'Types'));
  if (root < 0 || toks[root].kind !== Tok.Open) throw new Error('[Content_Types].xml without <Types>');
  const p = prefixOf(utf8(part, toks[root].start, toks[root].end));
  const xml = overrides.map((o) => `<${p}Override PartName="/${escapeAttr(o.part)}" ContentType="${o.type}"/>`).join('');
  return applySplices(part, [{ at: toks[closingIndex(toks, root)].start, del: 0, insert: xml }]);
}

/**
 * docProps/app.xml with the new sheet's title after the worksheets' titles (and the worksheet
 * count raised). The part is informative only: when its shape is not the usual one, it is left as it is.
 */
export function addAppTitle(part: Uint8Array, title: string): Uint8Array {
  const toks = tokens(part);
  const pairsAt = toks.findIndex((t) => isStart(t, 'HeadingPairs'));
  const titlesAt = toks.findIndex((t) => isStart(t, 'TitlesOfParts'));
  if (pairsAt < 0 || titlesAt < 0 || toks[pairsAt].kind !== Tok.Open || toks[titlesAt].kind !== Tok.Open) return part;
  // Heading pairs: (name, count) as lpstr then i4 inside variants.
  const names: string[] = [];
  const counts: Array<{ value: number; tok: number }> = [];
  const pairsEnd = closingIndex(toks, pairsAt);
  for (let i = pairsAt; i < pairsEnd; i++) {
    const t = toks[i];
    if (t.kind !== Tok.Open || (t.name !== 'lpstr' && t.name !== 'i4')) continue;
    const text = toks[i + 1]?.kind === Tok.Text ? unescapeXml(utf8(part, toks[i + 1].start, toks[i + 1].end)) : '';
    if (t.name === 'lpstr') names.push(text);
    else counts.push({ value: Number(text), tok: i + 1 });
  }
  if (names.length === 0 || names.length !== counts.length || counts.some((c) => !Number.isInteger(c.value))) return part;
  let k = names.findIndex((n) => /^(worksheets|trang tính)$/i.test(n.trim()));
  if (k < 0) k = 0;
  const position = counts.slice(0, k + 1).reduce((s, c) => s + c.value, 0);
  const vectorAt = toks.findIndex((t, i) => i > titlesAt && isStart(t, 'vector'));
  if (vectorAt < 0 || toks[vectorAt].kind !== Tok.Open) return part;
  const vectorEnd = closingIndex(toks, vectorAt);
  const items: number[] = [];
  for (let i = vectorAt + 1; i < vectorEnd; i++) {
    if (toks[i].kind === Tok.Open || toks[i].kind === Tok.Empty) {
      items.push(i);
      i = closingIndex(toks, i);
    }
  }
  if (items.length !== counts.reduce((s, c) => s + c.value, 0)) return part;
  const vectorTag = utf8(part, toks[vectorAt].start, toks[vectorAt].end);
  const vp = prefixOf(vectorTag);
  const insertAt = position < items.length ? toks[items[position]].start : toks[vectorEnd].start;
  const countTok = toks[counts[k].tok];
  return applySplices(part, [
    {
      at: toks[vectorAt].start,
      del: toks[vectorAt].end - toks[vectorAt].start,
      insert: vectorTag.replace(/\ssize\s*=\s*"\d*"/, ` size="${items.length + 1}"`),
    },
    { at: insertAt, del: 0, insert: `<${vp}lpstr>${escapeText(title)}</${vp}lpstr>` },
    { at: countTok.start, del: countTok.end - countTok.start, insert: String(counts[k].value + 1) },
  ]);
}
