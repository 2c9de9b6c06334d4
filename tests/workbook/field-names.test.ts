/**
 * Detection asks of every text in a sheet's top rows whether it names a field of a list
 * (src/workbook/detect.ts keyNamesAField). It looks only at the fields one of whose texts or
 * phrases starts with a word of the text; this must answer exactly as asking every field does —
 * for each text and phrase of every field, with words around it and a year after it, and for the
 * data that fills those rows (Vietnamese names, units, dates, markers).
 */
import fc from 'fast-check';
import { foldKey } from '../../src/text/fold';
import { keyNamesAField } from '../../src/workbook/detect';
import { LIST_KINDS, ListSchema, SCHEMAS, headerScore } from '../../src/workbook/fields';
import { splitYearHeader } from '../../src/workbook/year-columns';

const ALL = LIST_KINDS.flatMap((kind) => {
  const schema = SCHEMAS[kind] as ListSchema<string>;
  return schema.fields.map((spec) => ({ spec, year: schema.yearFields?.includes(spec.field) === true }));
});

/** The question asked of every field, as detection asked it before. */
function everyField(key: string): boolean {
  const split = splitYearHeader(key);
  return ALL.some(
    ({ spec, year }) => headerScore(spec, key) > 0 || (year && split !== null && headerScore(spec, split.rest) > 0),
  );
}

const TEXTS = ALL.flatMap(({ spec }) => [...spec.exact, ...spec.phrases]);
const WORDS = [...new Set(TEXTS.flatMap((t) => t.split(' ')))];
const DATA = [
  'Nguyễn Thị Hoa',
  'Trần Văn Lâm',
  'Hồ Thị Cẩm Tú',
  'La Văn Cầu',
  'Sở Nội vụ',
  'UBND Phường 14, Quận Gò Vấp',
  'Phó Chánh Văn phòng',
  '17/12/2025',
  'x',
  'Đã bồi dưỡng',
  'Năm 2023',
];

test('every text and phrase of every field, alone, inside other words and before a year', () => {
  let named = 0;
  for (const t of TEXTS) {
    for (const key of [t, `ghi ${t}`, `${t} ghi`, `ghi ${t} ghi`, `${t} 2023`, `${t} nam 2024`, `a${t}`, `${t}b`]) {
      const k = foldKey(key);
      expect([k, keyNamesAField(k)]).toEqual([k, everyField(k)]);
      if (everyField(k)) named++;
    }
  }
  expect(named).toBeGreaterThan(TEXTS.length);
});

test('data texts and random mixes of field words and other words', () => {
  for (const d of DATA) expect([d, keyNamesAField(foldKey(d))]).toEqual([d, everyField(foldKey(d))]);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('nguyen', 'thi', 'van', 'ho', 'tai', '2023', 'nam', 'x')), {
        minLength: 1,
        maxLength: 6,
      }),
      (words) => {
        const key = foldKey(words.join(' '));
        expect(keyNamesAField(key)).toBe(everyField(key));
      },
    ),
    { numRuns: 3000 },
  );
});
