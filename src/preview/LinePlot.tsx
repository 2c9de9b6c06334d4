/**
 * A line chart's plot in the preview (Excel's "Line" type, e.g. the period summary's rates across
 * the years): one polyline per series over the categories, broken where a value is empty. Drawn
 * in a 100 × 100 box stretched to the plot, with the same scale as the column charts.
 */
import type { ChartView } from './sheet-view';

/** Each series as polyline segments ("x,y x,y …" in the 100 × 100 box), split at empty values. */
export function lineSegments(chart: ChartView): Array<{ readonly name: string; readonly segments: readonly string[] }> {
  const span = chart.max - chart.min;
  const n = chart.categories.length;
  return chart.series.map((series) => {
    const segments: string[] = [];
    let current: string[] = [];
    series.values.forEach((v, i) => {
      if (v.text === '') {
        if (current.length > 0) segments.push(current.join(' '));
        current = [];
        return;
      }
      const h = Math.max(0, Math.min(1, (v.value - chart.min) / span));
      current.push(`${round(((i + 0.5) / n) * 100)},${round(100 - h * 85)}`);
    });
    if (current.length > 0) segments.push(current.join(' '));
    return { name: series.name, segments };
  });
}

const round = (x: number): number => Math.round(x * 100) / 100;

export function LinePlot({ chart, colors }: { chart: ChartView; colors: readonly string[] }) {
  return (
    <svg viewBox="0 0 100 100" preserveAspectRatio="none" width="100%" height="100%" aria-hidden="true" data-testid="line-plot">
      {lineSegments(chart).map((s, k) =>
        s.segments.map((points, j) => (
          <polyline
            key={`${k}-${j}`}
            points={points}
            fill="none"
            stroke={colors[k % colors.length]}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          >
            <title>{s.name}</title>
          </polyline>
        )),
      )}
    </svg>
  );
}
