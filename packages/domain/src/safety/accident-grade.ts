/**
 * Accident grades (生产安全事故等级), State Council Order 493 《生产安全事故报告和调查处理条例》
 * (2007), art. 3. Each grade is reached by deaths, by serious injuries (acute industrial poisoning
 * included) or by direct economic loss; the highest grade reached by any one measure wins. Art. 3
 * closes with: "以上" includes the bound and "以下" excludes it, so exactly 3 deaths is already 较大.
 * See /work/shared/RULES.md "Work safety".
 */
import type { Label } from './label.js';

/** Most severe first: the order of art. 3 (一) to (四). */
export const ACCIDENT_GRADES = ['extraordinarily_serious', 'serious', 'relatively_serious', 'ordinary'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const ACCIDENT_GRADE_LABELS: Record<AccidentGrade, Label> = {
  extraordinarily_serious: { 'zh-CN': '特别重大事故', en: 'Extraordinarily serious accident' },
  serious: { 'zh-CN': '重大事故', en: 'Serious accident' },
  relatively_serious: { 'zh-CN': '较大事故', en: 'Relatively serious accident' },
  ordinary: { 'zh-CN': '一般事故', en: 'Ordinary accident' },
};

export interface AccidentMeasures {
  deaths: number;
  /** 重伤, including acute industrial poisoning (急性工业中毒), which art. 3 counts with them. */
  seriousInjuries: number;
  /** 直接经济损失 in yuan (not 万元, the unit of the regulation's text). */
  directLossYuan: number;
}

/**
 * The least value of each measure that reaches a grade, most severe first (art. 3 (一)–(三));
 * 一般 is whatever reaches none of them. Losses: 1 亿元, 5000 万元, 1000 万元.
 */
export const ACCIDENT_GRADE_THRESHOLDS: readonly (AccidentMeasures & { grade: Exclude<AccidentGrade, 'ordinary'> })[] = [
  { grade: 'extraordinarily_serious', deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
  { grade: 'serious', deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
  { grade: 'relatively_serious', deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
];

/**
 * The grade of an accident. Counts must be non-negative integers and the loss a non-negative
 * finite number of yuan; anything else is a programming error and throws a RangeError.
 */
export function gradeAccident(measures: AccidentMeasures): AccidentGrade {
  const { deaths, seriousInjuries, directLossYuan } = measures;
  if (!isCount(deaths)) throw new RangeError('deaths must be a non-negative integer');
  if (!isCount(seriousInjuries)) throw new RangeError('seriousInjuries must be a non-negative integer');
  if (!(Number.isFinite(directLossYuan) && directLossYuan >= 0)) {
    throw new RangeError('directLossYuan must be a non-negative finite number');
  }
  const reached = ACCIDENT_GRADE_THRESHOLDS.find(
    (t) => deaths >= t.deaths || seriousInjuries >= t.seriousInjuries || directLossYuan >= t.directLossYuan,
  );
  return reached?.grade ?? 'ordinary';
}

/**
 * Orders grades by severity: negative when `a` is less severe than `b`, 0 when equal, positive
 * when more severe. `grades.sort(compareGrades)` lists the mildest first.
 */
export function compareGrades(a: AccidentGrade, b: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(b) - ACCIDENT_GRADES.indexOf(a);
}

export function isAccidentGrade(value: string): value is AccidentGrade {
  return (ACCIDENT_GRADES as readonly string[]).includes(value);
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
