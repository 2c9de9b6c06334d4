/**
 * axe-core in the page under test: the package's own axe.min.js injected with playwright's
 * addScriptTag, then axe.run over a part of the page. Only serious and critical violations are
 * returned, each as "rule: target (summary)" so a failure says what and where.
 *
 * One known false positive is set aside, as Microsoft's Accessibility Insights does: Fluent v9's
 * Tabster puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` at the ends of arrow-key
 * groups (the toolbar) only to pass focus on at once (microsoft/tabster#288;
 * microsoft/accessibility-insights-web#7605 suppresses `aria-hidden-focus` on them).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

interface AxeNode {
  readonly target: readonly unknown[];
  readonly html: string;
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly nodes: readonly AxeNode[];
}

export async function seriousViolations(page: Page, selector = 'body'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const out = await axe.run(sel, { resultTypes: ['violations'] });
    return out.violations;
  }, selector);
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
        .map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? '').split('\n').slice(0, 2).join(' ')})`),
    );
}
