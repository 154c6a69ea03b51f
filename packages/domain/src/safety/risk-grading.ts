/**
 * Risk graded control (风险分级管控), half of the dual prevention mechanism (双重预防机制, Work Safety
 * Law 2021 art. 41). A risk point is assessed by LS (likelihood × severity, a 5 × 5 matrix) or LEC
 * (作业条件危险性评价法, Graham–Kinney: D = L × E × C) and coloured: 重大 red, 较大 orange, 一般
 * yellow, 低 blue. Provinces set their own bands, so thresholds are data with their source named;
 * the defaults are those of RULES.md "Risk colours".
 */
import type { Label } from './label.js';

/** Highest first. */
export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_LABELS: Record<RiskLevel, Label & { colour: Label }> = {
  red: { 'zh-CN': '重大风险', en: 'Major risk', colour: { 'zh-CN': '红', en: 'Red' } },
  orange: { 'zh-CN': '较大风险', en: 'Relatively major risk', colour: { 'zh-CN': '橙', en: 'Orange' } },
  yellow: { 'zh-CN': '一般风险', en: 'General risk', colour: { 'zh-CN': '黄', en: 'Yellow' } },
  blue: { 'zh-CN': '低风险', en: 'Low risk', colour: { 'zh-CN': '蓝', en: 'Blue' } },
};

/** The least score that is red, orange and yellow; anything lower is blue. Bounds are inclusive. */
export interface ScoreBands {
  red: number;
  orange: number;
  yellow: number;
}

export interface RiskThresholds {
  /** Where the bands come from, shown next to every assessment made with them. */
  source: string;
  lec: ScoreBands;
  ls: ScoreBands;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  source:
    'RULES.md "Risk colours" defaults: LEC bands of the Graham–Kinney method, its two lowest merged into blue ' +
    '(D ≥ 320, 160–320, 70–160, < 70), and ' +
    'the common 5 × 5 LS matrix (R ≥ 20, 15–19, 9–14, ≤ 8); replace with the province\'s own where it differs',
  lec: { red: 320, orange: 160, yellow: 70 },
  ls: { red: 20, orange: 15, yellow: 9 },
};

export type RiskMethod = 'LS' | 'LEC';

export interface ThresholdProblem {
  method: RiskMethod;
  problem: 'not_positive' | 'not_descending';
}

/** Every problem with a set of thresholds; [] when each method's bands are positive and strictly descending. */
export function validateThresholds(thresholds: RiskThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const [method, bands] of [['LEC', thresholds.lec], ['LS', thresholds.ls]] as const) {
    const { red, orange, yellow } = bands;
    if (![red, orange, yellow].every((n) => Number.isFinite(n) && n > 0)) problems.push({ method, problem: 'not_positive' });
    if (!(red > orange && orange > yellow)) problems.push({ method, problem: 'not_descending' });
  }
  return problems;
}

/** The colour of a score under a method's bands (which must be valid). */
export function riskLevelForScore(method: RiskMethod, score: number, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskLevel {
  requireValid(thresholds);
  const bands = method === 'LS' ? thresholds.ls : thresholds.lec;
  if (score >= bands.red) return 'red';
  if (score >= bands.orange) return 'orange';
  if (score >= bands.yellow) return 'yellow';
  return 'blue';
}

export interface RiskAssessment {
  method: RiskMethod;
  score: number;
  level: RiskLevel;
}

/** LS: likelihood and severity are each an integer grade from 1 to 5; R = L × S. */
export function assessLs(input: { likelihood: number; severity: number }, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskAssessment {
  const { likelihood, severity } = input;
  if (!isGrade(likelihood)) throw new RangeError('likelihood must be an integer from 1 to 5');
  if (!isGrade(severity)) throw new RangeError('severity must be an integer from 1 to 5');
  const score = likelihood * severity;
  return { method: 'LS', score, level: riskLevelForScore('LS', score, thresholds) };
}

/**
 * The Graham–Kinney scales as Chinese practice words them. L: likelihood of an accident; E:
 * frequency of exposure to the hazard; C: consequence. Only these values may be chosen.
 */
export const LEC_L_SCALE: readonly (Label & { value: number })[] = [
  { value: 10, 'zh-CN': '完全可以预料', en: 'Expected' },
  { value: 6, 'zh-CN': '相当可能', en: 'Quite possible' },
  { value: 3, 'zh-CN': '可能，但不经常', en: 'Unusual but possible' },
  { value: 1, 'zh-CN': '可能性小，完全意外', en: 'Only remotely possible' },
  { value: 0.5, 'zh-CN': '很不可能，可以设想', en: 'Conceivable but very unlikely' },
  { value: 0.2, 'zh-CN': '极不可能', en: 'Practically impossible' },
  { value: 0.1, 'zh-CN': '实际不可能', en: 'Virtually impossible' },
];
export const LEC_E_SCALE: readonly (Label & { value: number })[] = [
  { value: 10, 'zh-CN': '连续暴露', en: 'Continuous' },
  { value: 6, 'zh-CN': '每天工作时间内暴露', en: 'Daily, during working hours' },
  { value: 3, 'zh-CN': '每周一次或偶然暴露', en: 'Weekly or occasionally' },
  { value: 2, 'zh-CN': '每月一次暴露', en: 'Monthly' },
  { value: 1, 'zh-CN': '每年几次暴露', en: 'A few times a year' },
  { value: 0.5, 'zh-CN': '非常罕见地暴露', en: 'Very rarely' },
];
export const LEC_C_SCALE: readonly (Label & { value: number })[] = [
  { value: 100, 'zh-CN': '大灾难，许多人死亡', en: 'Catastrophe, many deaths' },
  { value: 40, 'zh-CN': '灾难，数人死亡', en: 'Disaster, several deaths' },
  { value: 15, 'zh-CN': '非常严重，一人死亡', en: 'Very serious, one death' },
  { value: 7, 'zh-CN': '严重，重伤', en: 'Serious injury' },
  { value: 3, 'zh-CN': '重大，致残', en: 'Disabling injury' },
  { value: 1, 'zh-CN': '引人注目，需要救护', en: 'Noticeable, first aid needed' },
];

/**
 * LEC: D = L × E × C with each factor taken from its scale. D is rounded to 2 decimals (every
 * product of the scales is a multiple of 0.05), so 0.1 × 3 × 1 is 0.3, not 0.30000000000000004.
 */
export function assessLec(input: { l: number; e: number; c: number }, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskAssessment {
  const { l, e, c } = input;
  if (!onScale(LEC_L_SCALE, l)) throw new RangeError(`L must be one of ${scaleValues(LEC_L_SCALE)}`);
  if (!onScale(LEC_E_SCALE, e)) throw new RangeError(`E must be one of ${scaleValues(LEC_E_SCALE)}`);
  if (!onScale(LEC_C_SCALE, c)) throw new RangeError(`C must be one of ${scaleValues(LEC_C_SCALE)}`);
  const score = Math.round(l * e * c * 100) / 100;
  return { method: 'LEC', score, level: riskLevelForScore('LEC', score, thresholds) };
}

/** Orders colours by risk: negative when `a` is lower than `b`, 0 when equal, positive when higher. */
export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVELS.indexOf(b) - RISK_LEVELS.indexOf(a);
}

function requireValid(thresholds: RiskThresholds): void {
  const problems = validateThresholds(thresholds);
  if (problems.length > 0) {
    throw new RangeError(`invalid risk thresholds: ${problems.map((p) => `${p.method} ${p.problem}`).join(', ')}`);
  }
}

function isGrade(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

function onScale(scale: readonly { value: number }[], n: number): boolean {
  return scale.some((s) => s.value === n);
}

function scaleValues(scale: readonly { value: number }[]): string {
  return scale.map((s) => s.value).join(', ');
}
