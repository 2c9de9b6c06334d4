/**
 * Numbers typed as text, in the Vietnamese style ("1.234", "86,97 %") or the English one.
 * Returns null when the text is not a number. A trailing "%" divides by 100.
 */
export function parseNumberText(text: string): number | null {
  let s = text.trim().replace(/[\s\u00a0]+/g, '');
  if (s.length === 0 || s.length > 40) return null;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let canonical: string;
  if (dots > 0 && commas > 0) {
    // Both separators: the last one is the decimal separator.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (s.split(decimal).length - 1 > 1) return null;
    if (!groupedCorrectly(s.slice(0, s.indexOf(decimal)), group)) return null;
    canonical = s.split(group).join('').replace(decimal, '.');
  } else if (commas > 0) {
    // Vietnamese decimal comma ("86,97"); "1,234,567" is English grouping.
    if (commas === 1) canonical = s.replace(',', '.');
    else if (groupedCorrectly(s, ',')) canonical = s.split(',').join('');
    else return null;
  } else if (dots > 0) {
    // Vietnamese grouping ("1.234", "1.234.567"); "3.5" is a decimal point.
    if (groupedCorrectly(s, '.') && (dots > 1 || /^\d{1,3}\.\d{3}$/.test(s))) canonical = s.split('.').join('');
    else if (dots === 1) canonical = s;
    else return null;
  } else {
    canonical = s;
  }
  if (canonical.startsWith('.') || canonical.endsWith('.')) return null;
  const n = Number(canonical);
  return Number.isFinite(n) ? sign * n * scale : null;
}

function groupedCorrectly(s: string, group: string): boolean {
  const parts = s.split(group);
  if (parts.length === 1) return /^\d+$/.test(s);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
