/** One sentence per target from the figures, in Vietnamese and English (met, not met, undetermined, no target, no data). */
import { TargetResult, evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { evaluationSentences, objectiveSentence, targetSentence } from '../../src/report/sentences';
import { grid, staffSheet, times, unitsSheet } from './grids';

function t02(achieved: number, population: number, unknown = 0, status: TargetResult['status'] = 'met'): TargetResult {
  return {
    id: 'T02',
    name: { vi: 'Lãnh đạo được bồi dưỡng CCHC', en: 'Leaders trained in CCHC' },
    measure: 'rate',
    status,
    population,
    achieved,
    unknown,
    actual: population ? achieved / population : null,
    threshold: { op: '>', value: 0.9 },
    gap:
      status === 'met'
        ? 0
        : status === 'not_met' || status === 'undetermined'
          ? Math.floor(0.9 * population) + 1 - achieved
          : null,
  };
}

describe('target sentences', () => {
  it('met — the issue’s own example, word for word', () => {
    expect(targetSentence(t02(326, 350), HCMC_PLAN, 2024, 'vi')).toBe(
      'Đến ngày 31/12/2024, có 326/350 cán bộ lãnh đạo (93,14 %) được bồi dưỡng về CCHC, đạt chỉ tiêu (kế hoạch trên 90 %).',
    );
    expect(targetSentence(t02(326, 350), HCMC_PLAN, 2024, 'en')).toBe(
      'As at 31 December 2024, 326 of 350 leaders (93.14 %) had been trained in CCHC, target met (plan: over 90 %).',
    );
  });

  it('not met — says how many more are needed', () => {
    const r = t02(300, 350, 0, 'not_met');
    expect(targetSentence(r, HCMC_PLAN, 2024, 'vi')).toBe(
      'Đến ngày 31/12/2024, có 300/350 cán bộ lãnh đạo (85,71 %) được bồi dưỡng về CCHC, chưa đạt chỉ tiêu (kế hoạch trên 90 %; còn thiếu 16 người).',
    );
    expect(targetSentence(r, HCMC_PLAN, 2024, 'en')).toContain('target not met (plan: over 90 %; 16 more people needed)');
  });

  it('thousands are grouped as in the targets table ("845/1.000", not "845/1000")', () => {
    expect(targetSentence(t02(12_345, 13_000, 1_200, 'undetermined'), HCMC_PLAN, 2024, 'vi')).toBe(
      'Đến ngày 31/12/2024, có 12.345/13.000 cán bộ lãnh đạo (94,96 %) được bồi dưỡng về CCHC, chưa xác định được kết quả do 1.200 trường hợp chưa rõ số liệu (kế hoạch trên 90 %).',
    );
    expect(targetSentence(t02(9_000, 13_000, 0, 'not_met'), HCMC_PLAN, 2024, 'en')).toBe(
      'As at 31 December 2024, 9,000 of 13,000 leaders (69.23 %) had been trained in CCHC, target not met (plan: over 90 %; 2,701 more people needed).',
    );
  });

  it('undetermined — names the unknown cases', () => {
    const r = t02(310, 350, 20, 'undetermined');
    expect(targetSentence(r, HCMC_PLAN, 2024, 'vi')).toContain('chưa xác định được kết quả do 20 trường hợp chưa rõ số liệu');
    expect(targetSentence(r, HCMC_PLAN, 2024, 'en')).toContain('not yet determined: 20 cases have unreadable data');
  });

  it('no target — the figures are still given', () => {
    const r = { ...t02(12, 20, 0, 'no_target'), threshold: null, gap: null };
    expect(targetSentence(r, HCMC_PLAN, 2022, 'vi')).toBe(
      'Đến ngày 31/12/2022, có 12/20 cán bộ lãnh đạo (60 %) được bồi dưỡng về CCHC, năm 2022 kế hoạch không đặt chỉ tiêu.',
    );
    expect(targetSentence(r, HCMC_PLAN, 2022, 'en')).toContain('the plan sets no target for 2022');
  });

  it('no data — says why (no members, or a missing list or column)', () => {
    const empty = { ...t02(0, 0, 0, 'no_data'), actual: null, gap: null };
    expect(targetSentence(empty, HCMC_PLAN, 2024, 'vi')).toBe(
      'Chỉ tiêu "Lãnh đạo được bồi dưỡng CCHC" chưa đánh giá được: danh sách không có cán bộ lãnh đạo (kế hoạch trên 90 %).',
    );
    const noColumn = { ...empty, population: 5 };
    expect(targetSentence(noColumn, HCMC_PLAN, 2024, 'en')).toBe(
      'Target "Leaders trained in CCHC" could not be judged: a list or column it needs is missing from the workbook (plan: over 90 %).',
    );
  });

  it('count targets, activities and T05 read from an evaluation, in both languages', () => {
    const g = grid(
      unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
      staffSheet([
        ...times(4, { unit: 'Sở Nội vụ', cchc: 'x', planned: 2024, trained: 'x' }),
        ...times(5, { unit: 'Sở Nội vụ', cchc: 'x', appointed: 2024 }),
      ]),
    );
    const e = evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false });
    const vi = Object.fromEntries(evaluationSentences(e, HCMC_PLAN, 'vi').map((s) => [s.id, s.text]));
    const en = Object.fromEntries(evaluationSentences(e, HCMC_PLAN, 'en').map((s) => [s.id, s.text]));
    expect(vi.T05a).toBe(
      'Trong năm 2024, có 4 cán bộ, công chức, viên chức làm công tác CCHC được quy hoạch chức danh lãnh đạo, chưa đạt chỉ tiêu (kế hoạch từ 10 người trở lên; còn thiếu 6 người).',
    );
    expect(vi.T05b).toContain(
      'có 5 cán bộ, công chức, viên chức làm công tác CCHC được luân chuyển, bổ nhiệm giữ chức vụ lãnh đạo, đạt chỉ tiêu',
    );
    expect(vi.T05).toBe('Chỉ tiêu "Quy hoạch, luân chuyển, bổ nhiệm lãnh đạo" (T05a và T05b): chưa đạt.');
    expect(vi.T07).toContain('Chỉ tiêu "Lớp bồi dưỡng ở nước ngoài" chưa đánh giá được');
    expect(en.T06).toBe(
      'As at 31 December 2024, 0 officials had completed CCHC expert training, the plan sets no target for 2024.',
    );
    expect(Object.keys(vi)).toEqual([...e.targets.map((t) => t.id), 'O1']);
    for (const text of [...Object.values(vi), ...Object.values(en)]) expect(text).toMatch(/[.]$/);
  });

  it('the 5S objective has its own sentence', () => {
    const e = evaluate(readDataset(grid(unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]))), HCMC_PLAN, {
      year: 2024,
      inclusive: false,
    });
    expect(objectiveSentence(e.objectives[0], 'vi')).toContain('không có cột "Thí điểm 5S"');
    const met = { ...e.objectives[0], status: 'met' as const, pilots: 3 };
    expect(objectiveSentence(met, 'vi')).toBe(
      'Đến ngày 31/12/2024, có 3 đơn vị thí điểm 5S (sở - ngành: 0; quận - huyện: 0; phường - xã - thị trấn: 0), đạt mục tiêu (ít nhất 1 đơn vị ở mỗi cấp).',
    );
    expect(objectiveSentence({ ...met, status: 'not_met' }, 'en')).toContain('objective not met (at least 1 unit at each level)');
  });
});
