import {
  CHECKLIST_TEMPLATE_CODES,
  CHEMICAL_MAJOR_HAZARD_CRITERIA_2017,
  GENERAL_CHECKLIST,
  hazardGradeForFailedItem,
  type ChecklistTemplateCode,
  type HazardGrade,
} from '@shoutu/domain';
import type { Localized as Label } from '../../../http/errors.js';

export interface ChecklistItem {
  number: number;
  text: Label;
  /** The provision behind a general item; null for the 2017 criteria, which are one notice. */
  source: string | null;
  verify: boolean;
}

export interface ChecklistTemplate {
  code: ChecklistTemplateCode;
  name: Label;
  source: string;
  /** What a failed item becomes, by the domain's rule (hazardGradeForFailedItem). */
  failedItemGrade: HazardGrade;
  items: ChecklistItem[];
}

/**
 * The checklist templates are served straight from the domain instead of being copied into a
 * table. They are rules with their sources and [verify] marks, corrected in one place under tests
 * and shipped with the code, and the grade a failed item gives is decided from the same data; a
 * table copy would need a data migration for every correction and could drift from that rule. An
 * inspection keeps each item's text as it read on the day, so a correction never rewrites what
 * was inspected. Templates that operators write themselves (special campaigns) will need a table.
 */
const NAMES: Record<ChecklistTemplateCode, { name: Label; source: string }> = {
  chemical_major_hazards_2017: {
    name: { 'zh-CN': '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', en: 'Criteria for major accident hazards in chemical and hazardous-chemical enterprises (trial)' },
    source: '安监总管三〔2017〕121号',
  },
  general: {
    name: { 'zh-CN': '通用安全生产检查表', en: 'General work-safety checklist' },
    source: '安全生产法（2021年修正）等，逐项注明依据',
  },
};

function itemsOf(code: ChecklistTemplateCode): ChecklistItem[] {
  if (code === 'chemical_major_hazards_2017') {
    return CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.map((item) => ({ number: item.number, text: { 'zh-CN': item['zh-CN'], en: item.en }, source: null, verify: item.verify }));
  }
  return GENERAL_CHECKLIST.map((item) => ({ number: item.number, text: { 'zh-CN': item['zh-CN'], en: item.en }, source: item.source, verify: item.verify }));
}

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = CHECKLIST_TEMPLATE_CODES.map((code) => {
  const items = itemsOf(code);
  return { code, ...NAMES[code], failedItemGrade: hazardGradeForFailedItem(code, items[0]!.number), items };
});

export function checklistTemplate(code: ChecklistTemplateCode): ChecklistTemplate {
  return CHECKLIST_TEMPLATES.find((template) => template.code === code)!;
}
