/**
 * Where a Word report goes, decided from a fake `Office` global (no real Office here): downloaded
 * on Windows and the web, put into the document in Word, the report sheet on Mac and iPad (where
 * WKWebView does not download from an add-in: OfficeDev/office-js #2700, #3385).
 */
import { OfficeLike, WORD_INSERT_LIMIT, WordLike, insertIntoWord, wordReportWay } from '../../src/excel/word-delivery';

// As office.js defines them: string-valued enums.
const HostType = { Excel: 'Excel', Word: 'Word' };
const PlatformType = {
  PC: 'PC',
  OfficeOnline: 'OfficeOnline',
  Mac: 'Mac',
  iOS: 'iOS',
  Android: 'Android',
  Universal: 'Universal',
};
const office = (host: string, platform: string): OfficeLike => ({
  HostType,
  PlatformType,
  context: { host, diagnostics: { host, platform } },
});

test.each([
  ['Excel', 'PC', 'download'],
  ['Excel', 'OfficeOnline', 'download'],
  ['Excel', 'Universal', 'download'],
  ['Excel', 'Mac', 'sheet'],
  ['Excel', 'iOS', 'sheet'],
  ['Word', 'Mac', 'word'],
  ['Word', 'PC', 'word'],
])('%s on %s: %s', (host, platform, way) => {
  expect(wordReportWay(office(host, platform))).toBe(way);
});

test('no Office (the preview page, tests) or no diagnostics: download', () => {
  expect(wordReportWay(undefined)).toBe('download');
  expect(wordReportWay({ HostType, PlatformType, context: { diagnostics: null } })).toBe('download');
});

test('inserts the .docx at the end of the Word document, base64, in one sync', async () => {
  const calls: Array<[string, string]> = [];
  let syncs = 0;
  const word: WordLike = {
    run: (batch) =>
      batch({
        document: { body: { insertFileFromBase64: (b64, where) => calls.push([b64, where]) } },
        sync: async () => void syncs++,
      }),
  };
  await insertIntoWord(word, new Uint8Array([80, 75, 3, 4]));
  expect(calls).toEqual([['UEsDBA==', 'End']]);
  expect(syncs).toBe(1);
  await expect(insertIntoWord(word, new Uint8Array(WORD_INSERT_LIMIT + 1))).rejects.toThrow(RangeError);
  expect(calls).toHaveLength(1);
});
