/*
 * Excel custom functions in the CCHC namespace. The JSDoc below is the registration: the
 * custom-functions-metadata plugin turns it into functions.json and appends the
 * CustomFunctions.associate calls at build time. Each function only reads its arguments, calls
 * the engine and maps an engine problem to an Excel error with a message a person can act on.
 * None writes to the workbook and none is volatile.
 */
import { TARGET_STATUS_TEXT, UNIT_STATUS_TEXT, thresholdText } from '../i18n';
import { defaultYear, isMeasured, thresholdFor } from '../plan';
import { activePlan } from '../plan/active';
import {
  FigureError,
  evaluateRanges,
  judgeFigure,
  markerFigures,
  requireThreshold,
  resolveTarget,
  resolveYear,
} from '../engine/figures';
import { asCells, asListCells, asOptionalCells, asOptionalYear, displayLang, failure, orBlank, reading } from './support';

/**
 * Ngưỡng của chỉ tiêu trong năm: 0,9 là 90 %; với chỉ tiêu đếm là số người hoặc số lượt.
 * @customfunction THRESHOLD
 * @param target Mã chỉ tiêu: "T01" … "T10", "T05a", "T05b".
 * @param year Năm đánh giá, từ 2022 đến 2025.
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên" (mặc định FALSE: lớn hơn X %).
 * @returns Ngưỡng dạng số; #N/A khi năm đó không đặt chỉ tiêu.
 */
export function threshold(target: string, year: number, inclusive?: boolean): number {
  try {
    const t = resolveTarget(activePlan(), target);
    return requireThreshold(t, resolveYear(activePlan(), year), reading(inclusive)).value;
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Đánh giá một số liệu theo chỉ tiêu của năm: "Đạt", "Không đạt", "Chưa xác định" hoặc "Không áp dụng".
 * @customfunction TARGET_STATUS
 * @param target Mã chỉ tiêu: "T01" … "T10", "T05a", "T05b".
 * @param year Năm đánh giá, từ 2022 đến 2025.
 * @param achieved Số đạt; hoặc tỷ lệ (khi bỏ trống tổng số); hoặc một vùng ô đánh dấu (x, Có, năm, ngày…).
 * @param [population] Tổng số (cho chỉ tiêu tỷ lệ khi "achieved" là số người).
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên".
 * @returns Kết quả đánh giá.
 */
export function targetStatus(
  target: string,
  year: number,
  achieved: unknown[][],
  population?: unknown,
  inclusive?: boolean,
): string {
  try {
    const t = resolveTarget(activePlan(), target);
    const y = resolveYear(activePlan(), year);
    const r = judgeFigure({
      target: t,
      year: y,
      achieved: asCells(achieved),
      population: orBlank(population),
      inclusive: reading(inclusive),
    });
    return TARGET_STATUS_TEXT[r.status][displayLang()];
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Số người (hoặc số lượt) cần thêm để đạt chỉ tiêu của năm; 0 khi đã đạt.
 * @customfunction GAP
 * @param target Mã chỉ tiêu: "T01" … "T10", "T05a", "T05b".
 * @param year Năm đánh giá, từ 2022 đến 2025.
 * @param achieved Số đạt, hoặc một vùng ô đánh dấu (x, Có, năm, ngày…).
 * @param [population] Tổng số (cho chỉ tiêu tỷ lệ khi "achieved" là số người).
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên".
 * @returns Số còn thiếu.
 */
export function gap(target: string, year: number, achieved: unknown[][], population?: unknown, inclusive?: boolean): number {
  try {
    const t = resolveTarget(activePlan(), target);
    const y = resolveYear(activePlan(), year);
    const flag = reading(inclusive);
    requireThreshold(t, y, flag);
    const r = judgeFigure({ target: t, year: y, achieved: asCells(achieved), population: orBlank(population), inclusive: flag });
    if (r.gap === null) throw new FigureError({ kind: 'gap_needs_count', id: t.id });
    return r.gap;
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Tỷ lệ ô được đánh dấu là đạt (x, Có, năm, ngày…) trong vùng; ô trống là chưa đạt.
 * @customfunction RATE
 * @param markers Vùng ô đánh dấu.
 * @param [year] Tính đến hết năm này: năm hoặc ngày sau năm này là chưa đạt.
 * @returns Tỷ lệ từ 0 đến 1; ô không đọc được không tính là đạt.
 */
export function rate(markers: unknown[][], year?: number): number {
  try {
    return markerFigures(asCells(markers), asOptionalYear(activePlan(), year)).rate;
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Số ô được đánh dấu là đạt (x, Có, năm, ngày…) trong vùng.
 * @customfunction COUNT
 * @param markers Vùng ô đánh dấu.
 * @param [year] Tính đến hết năm này: năm hoặc ngày sau năm này là chưa đạt.
 * @returns Số ô đạt; ô không đọc được không tính.
 */
export function count(markers: unknown[][], year?: number): number {
  try {
    return markerFigures(asCells(markers), asOptionalYear(activePlan(), year)).count;
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Bảng chỉ tiêu của kế hoạch trong năm: mã, nội dung, ngưỡng dạng chữ, ngưỡng dạng số.
 * @customfunction TARGETS
 * @param [year] Năm, từ 2022 đến 2025 (mặc định năm nay trong giai đoạn kế hoạch).
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên".
 * @returns Bảng 4 cột, một dòng cho mỗi chỉ tiêu.
 */
export function targets(year?: number, inclusive?: boolean): unknown[][] {
  try {
    const y = asOptionalYear(activePlan(), year) ?? defaultYear(activePlan());
    const lang = displayLang();
    return activePlan().targets.map((t) => {
      if (!isMeasured(t)) return [t.id, t.name[lang], t.parts.join(' + '), ''];
      const th = thresholdFor(t, y, { inclusive: reading(inclusive) });
      return [t.id, t.name[lang], thresholdText(th, t.measure, lang), th ? th.value : ''];
    });
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Kết quả toàn Thành phố của mọi chỉ tiêu, từ danh sách đơn vị, cán bộ và hoạt động (chọn cả dòng tiêu đề).
 * @customfunction EVALUATE
 * @param units Danh sách đơn vị, gồm dòng tiêu đề.
 * @param staff Danh sách cán bộ, công chức, viên chức, gồm dòng tiêu đề.
 * @param activities Danh sách hoạt động, gồm dòng tiêu đề.
 * @param year Năm đánh giá, từ 2022 đến 2025.
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên".
 * @returns Bảng 8 cột: mã, nội dung, số đạt, tổng số, kết quả, ngưỡng, đánh giá, còn thiếu.
 */
export function evaluate(
  units: unknown[][],
  staff: unknown[][],
  activities: unknown[][],
  year: number,
  inclusive?: boolean,
): unknown[][] {
  try {
    const y = resolveYear(activePlan(), year);
    const lists = { units: asOptionalCells(units), staff: asOptionalCells(staff), activities: asOptionalCells(activities) };
    const e = evaluateRanges(activePlan(), lists, y, reading(inclusive));
    const lang = displayLang();
    return e.targets.map((t) => [
      t.id,
      t.name[lang],
      t.achieved,
      t.population ?? '',
      t.actual ?? '',
      t.threshold ? t.threshold.value : '',
      TARGET_STATUS_TEXT[t.status][lang],
      t.gap ?? '',
    ]);
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Kết quả từng đơn vị: tên, đánh giá, các chỉ tiêu không đạt (từ danh sách đơn vị và cán bộ, gồm dòng tiêu đề).
 * @customfunction UNITS
 * @param units Danh sách đơn vị, gồm dòng tiêu đề.
 * @param staff Danh sách cán bộ, công chức, viên chức, gồm dòng tiêu đề.
 * @param year Năm đánh giá, từ 2022 đến 2025.
 * @param [inclusive] TRUE để hiểu "trên X %" là "từ X % trở lên".
 * @returns Bảng 3 cột, một dòng cho mỗi đơn vị.
 */
export function units(units: unknown[][], staff: unknown[][], year: number, inclusive?: boolean): string[][] {
  try {
    const y = resolveYear(activePlan(), year);
    const e = evaluateRanges(
      activePlan(),
      { units: asListCells(units), staff: asOptionalCells(staff), activities: null },
      y,
      reading(inclusive),
    );
    const lang = displayLang();
    if (e.units.length === 0) return [[lang === 'vi' ? 'Không có đơn vị nào trong danh sách' : 'No units in the list', '', '']];
    return e.units.map((u) => [u.name, UNIT_STATUS_TEXT[u.status][lang], u.failed.join(', ')]);
  } catch (e) {
    throw failure(e);
  }
}
