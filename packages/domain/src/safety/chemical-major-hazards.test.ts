import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, GENERAL_CHECKLIST, hazardGradeForFailedItem } from './chemical-major-hazards.js';

/** Traditional forms a copy from a Hong Kong or Taiwan reprint would bring in. */
const TRADITIONAL = /[險學產營單負責節裝設儲區線閥氣體應電烴劇業證計爐輸濟規據國級構環進]/u;

describe('major accident hazards in chemical and hazardous-chemical enterprises (安监总管三〔2017〕121号)', () => {
  it('has items 1 to 20 in order', () => {
    expect(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
  });

  it('marks items 16 to 20, and only they, for verification', () => {
    expect(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.filter((i) => i.verify).map((i) => i.number)).toEqual([16, 17, 18, 19, 20]);
  });

  it('words every item as a full sentence in simplified Chinese, with an English version', () => {
    for (const item of CHEMICAL_MAJOR_HAZARD_CRITERIA_2017) {
      expect(item['zh-CN']).toMatch(/^[^\s].*。$/u);
      expect(item['zh-CN']).not.toMatch(TRADITIONAL);
      expect(item.en).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each<[number, string]>([
    [1, '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。'],
    [2, '特种作业人员未持证上岗。'],
    [6, '全压力式液化烃储罐未按国家标准设置注水措施。'],
    [15, '安全阀、爆破片等安全附件未正常投用。'],
    [17, '未制定操作规程和工艺控制指标。'],
  ])('words item %i as %s', (number, text) => {
    expect(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017[number - 1]?.['zh-CN']).toBe(text);
  });

  it.each<[number, RegExp]>([
    [3, /两重点一重大/],
    [5, /紧急切断.*独立的安全仪表系统/],
    [7, /万向管道充装系统/],
    [8, /光气、氯气.*硫化氢/],
    [9, /架空电力线路/],
    [10, /正规设计.*安全设计诊断/],
    [12, /检测报警装置.*防爆电气设备/],
    [13, /控制室或机柜间/],
    [14, /双重电源.*不间断电源/],
    [16, /全员安全生产责任制.*隐患排查治理制度/],
    [18, /动火、进入受限空间/],
    [19, /试生产方案.*反应安全风险评估/],
    [20, /分区分类储存.*禁配物质混放混存/],
  ])('covers in item %i what RULES.md summarises (%s)', (number, pattern) => {
    expect(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017[number - 1]?.['zh-CN']).toMatch(pattern);
  });
});

describe('general safety checklist', () => {
  it('covers the twelve general topics, numbered 1 to 12', () => {
    expect(GENERAL_CHECKLIST.map((i) => [i.number, i['zh-CN']])).toEqual([
      [1, '安全生产责任制'],
      [2, '安全管理机构和人员'],
      [3, '教育培训'],
      [4, '特种作业人员持证'],
      [5, '隐患排查治理制度'],
      [6, '应急预案和演练'],
      [7, '消防设施'],
      [8, '电气安全'],
      [9, '有限空间作业'],
      [10, '动火作业'],
      [11, '劳动防护用品'],
      [12, '安全警示标志'],
    ]);
  });

  it('gives every item a unique snake_case code, an English name and a source', () => {
    expect(new Set(GENERAL_CHECKLIST.map((i) => i.code)).size).toBe(GENERAL_CHECKLIST.length);
    for (const item of GENERAL_CHECKLIST) {
      expect(item.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(item.en.trim()).not.toBe('');
      expect(item.source.trim()).not.toBe('');
    }
  });
});

describe('grade of the hazard a failed item becomes', () => {
  it.each([[1], [12], [20]])('is major for item %i of the 2017 criteria', (n) => {
    expect(hazardGradeForFailedItem('chemical_major_hazards_2017', n)).toBe('major');
  });

  it.each([[1], [8], [12]])('is general for item %i of the general checklist', (n) => {
    expect(hazardGradeForFailedItem('general', n)).toBe('general');
  });

  it.each<['chemical_major_hazards_2017' | 'general', number]>([
    ['chemical_major_hazards_2017', 0],
    ['chemical_major_hazards_2017', 21],
    ['general', 13],
    ['general', 1.5],
  ])('refuses %s item %d, which does not exist, as a RangeError', (template, n) => {
    expect(() => hazardGradeForFailedItem(template, n)).toThrow(RangeError);
  });

  it('makes every failed item of the 2017 criteria a major hazard', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), (n) => hazardGradeForFailedItem('chemical_major_hazards_2017', n) === 'major'));
  });
});
