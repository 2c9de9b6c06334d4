/**
 * @jest-environment jsdom
 *
 * The manifest, checked offline (Microsoft's validation service is not reachable here): the
 * structure Office needs for a shared runtime with custom functions, every resid defined, every
 * URL on the task pane's origin, Vietnamese overrides for what a person reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const xml = readFileSync(path.join(__dirname, '../manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string): Element[] => Array.from(doc.getElementsByTagNameNS('*', tag));
const one = (tag: string): Element => {
  const found = all(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
};

const resources = new Map<string, Element>();
for (const tag of ['Image', 'Url', 'String']) {
  for (const el of all(tag)) {
    const id = el.getAttribute('id');
    if (id) resources.set(id, el);
  }
}
const resource = (id: string | null): Element => {
  const el = id ? resources.get(id) : undefined;
  if (!el) throw new Error(`resid "${id}" is not defined`);
  return el;
};

test('is well-formed XML of a task pane add-in with a GUID id and a four-part version', () => {
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('OfficeApp');
  expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
  expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(all('Host')[0].getAttribute('Name')).toBe('Workbook');
});

test('every resid used is defined in Resources', () => {
  const used = Array.from(doc.getElementsByTagName('*'))
    .map((el) => el.getAttribute('resid'))
    .filter((r): r is string => r !== null);
  expect(used.length).toBeGreaterThan(10);
  for (const id of used) expect(resources.has(id)).toBe(true);
});

test('one shared runtime: the runtime, the functions page and the function file are the task pane URL', () => {
  const runtime = one('Runtime');
  expect(runtime.getAttribute('resid')).toBe('Taskpane.Url');
  expect(runtime.getAttribute('lifetime')).toBe('long');
  const cf = all('ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions');
  if (!cf) throw new Error('no CustomFunctions extension point');
  const page = cf.getElementsByTagNameNS('*', 'Page')[0].getElementsByTagNameNS('*', 'SourceLocation')[0];
  expect(page.getAttribute('resid')).toBe('Taskpane.Url');
  expect(one('FunctionFile').getAttribute('resid')).toBe('Taskpane.Url');
  const sets = all('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
  expect(sets).toEqual(expect.arrayContaining(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.2', 'ExcelApi 1.7']));
});

test('namespace CCHC; script, metadata and the Vietnamese metadata override', () => {
  expect(resource(one('Namespace').getAttribute('resid')).getAttribute('DefaultValue')).toBe('CCHC');
  expect(resource('Functions.Script.Url').getAttribute('DefaultValue')).toMatch(/\/functions\.js$/);
  const metadata = resource('Functions.Metadata.Url');
  expect(metadata.getAttribute('DefaultValue')).toMatch(/\/functions\.json$/);
  const override = metadata.getElementsByTagNameNS('*', 'Override')[0];
  expect(override.getAttribute('Locale')).toBe('vi-VN');
  expect(override.getAttribute('Value')).toMatch(/\/functions\.vi\.json$/);
});

test('every URL is https on the task pane’s origin (rewritten together for production)', () => {
  const origin = new URL(
    one('DefaultSettings').getElementsByTagNameNS('*', 'SourceLocation')[0].getAttribute('DefaultValue') ?? '',
  ).origin;
  const urls = [
    ...Array.from(doc.getElementsByTagName('*')).flatMap((el) => [el.getAttribute('DefaultValue'), el.getAttribute('Value')]),
    ...all('AppDomain').map((e) => e.textContent),
  ].filter((v): v is string => v !== null && /^https?:/.test(v));
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(new URL(u).origin).toBe(origin);
});

test('icons referenced exist; strings fit Office’s limits and have Vietnamese overrides', () => {
  for (const img of all('Image').filter((e) => e.getAttribute('id'))) {
    const file = (img.getAttribute('DefaultValue') ?? '').split('/').pop() ?? '';
    expect(existsSync(path.join(__dirname, '../assets/icons', file))).toBe(true);
  }
  const strings = all('String');
  for (const s of strings) {
    const limit = s.parentElement?.localName === 'LongStrings' ? 250 : 125;
    expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(limit);
    if (s.getAttribute('id') !== 'Functions.Namespace') {
      expect(s.getElementsByTagNameNS('*', 'Override')[0]?.getAttribute('Locale')).toBe('vi-VN');
    }
  }
  expect(one('DisplayName').getElementsByTagNameNS('*', 'Override')[0].getAttribute('Value')).toBe('Theo dõi kế hoạch CCHC');
});
