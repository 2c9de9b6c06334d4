/**
 * Shared strings: the plain lane (the part decoded once, walked with string searches) and the
 * token-by-token lane give the same list for every part, plain or not.
 */
import fc from 'fast-check';
import { TooManyStrings, readSharedStrings, tokenByToken } from '../../src/xlsx/shared-strings';

const CHARS = [...'abc xyz09.,;-đĐăâêôơưạảấầẩẫậếềểễệọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ–…€😀\t'];
const text = fc.string({
  unit: fc.constantFrom(...CHARS, '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&#x1F600;'),
  maxLength: 10,
});

const item = fc.oneof(
  { weight: 6, arbitrary: text.map((t) => `<si><t>${t}</t></si>`) },
  { weight: 2, arbitrary: text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`) },
  { weight: 1, arbitrary: text.map((t) => `<si><t xml:space='preserve'>${t}</t></si>`) },
  {
    weight: 1,
    arbitrary: fc
      .array(text, { minLength: 1, maxLength: 3 })
      .map((ts) => `<si>${ts.map((t) => `<r><rPr><b/></rPr><t>${t}</t></r>`).join('')}</si>`),
  },
  { weight: 1, arbitrary: text.map((t) => `<si><t>${t}</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`) },
  { weight: 1, arbitrary: fc.constant('<si/>') },
  { weight: 1, arbitrary: fc.constant('<si><t/></si>') },
  { weight: 1, arbitrary: text.map((t) => `<si><t><![CDATA[<${t}>]]></t></si>`) },
  { weight: 1, arbitrary: text.map((t) => `<x:si><x:t>${t}</x:t></x:si>`) },
);

const part = (items: string[], sep: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join(sep)}</sst>${sep}`,
  );

test('the plain lane and the token lane agree (property)', () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom('', '\n', '\r\n  '), (items, sep) => {
      const bytes = part(items, sep);
      expect(readSharedStrings(bytes, 'sst', 1e6)).toEqual(tokenByToken(bytes, 'sst', 1e6));
    }),
    { numRuns: 500 },
  );
});

test('plain items: entities decoded, spaces kept, empty items kept in place', () => {
  const bytes = part(
    ['<si><t>a &amp; b</t></si>', '<si><t xml:space="preserve">  hai  </t></si>', '<si><t></t></si>', '<si><t>Đạt</t></si>'],
    '',
  );
  expect(readSharedStrings(bytes, 'sst', 10)).toEqual(['a & b', '  hai  ', '', 'Đạt']);
});

test('the limit holds in the plain lane', () => {
  const bytes = part(['<si><t>1</t></si>', '<si><t>2</t></si>', '<si><t>3</t></si>'], '');
  expect(() => readSharedStrings(bytes, 'sst', 2)).toThrow(TooManyStrings);
  expect(readSharedStrings(bytes, 'sst', 3)).toHaveLength(3);
});
