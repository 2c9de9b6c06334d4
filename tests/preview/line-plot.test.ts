/** The preview draws a line chart (the period summary's) as polylines, broken at empty values, on the column charts' scale. */
import { lineSegments } from '../../src/preview/LinePlot';
import { ChartView } from '../../src/preview/sheet-view';

const chart = (values: Array<[number, string]>): ChartView => ({
  id: '1',
  name: 'CCHC',
  title: 't',
  kind: 'Line',
  anchor: 'A20',
  widthPx: 400,
  heightPx: 200,
  categories: ['2022', '2023', '2024', '2025'],
  series: [{ name: 'T01', values: values.map(([value, text]) => ({ value, text })) }],
  min: 0,
  max: 1,
});

test('one point per category, x at the category’s middle, y from the value (0 at 100, 1 at 15)', () => {
  expect(
    lineSegments(
      chart([
        [0, '0%'],
        [0.5, '50%'],
        [1, '100%'],
        [0.25, '25%'],
      ]),
    ),
  ).toEqual([{ name: 'T01', segments: ['12.5,100 37.5,57.5 62.5,15 87.5,78.75'] }]);
});

test('an empty value (a year with no data) breaks the line', () => {
  expect(
    lineSegments(
      chart([
        [0.5, '50%'],
        [0, ''],
        [1, '100%'],
        [1, '100%'],
      ]),
    )[0].segments,
  ).toEqual(['12.5,57.5', '62.5,15 87.5,15']);
});
