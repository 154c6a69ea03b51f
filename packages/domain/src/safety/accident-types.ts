/**
 * Accident types (事故类别), GB 6441-86 《企业职工伤亡事故分类》, the 20 categories in the
 * standard's order (RULES.md "Work safety"). Codes are stable identifiers stored with a report;
 * the order is the standard's, so lists and statistics tables read like the published forms.
 */
import type { Label } from './label.js';

export interface AccidentType extends Label {
  readonly code: string;
}

export const ACCIDENT_TYPES = [
  { code: 'object_strike', 'zh-CN': '物体打击', en: 'Struck by object' },
  { code: 'vehicle_injury', 'zh-CN': '车辆伤害', en: 'Vehicle injury' },
  { code: 'machinery_injury', 'zh-CN': '机械伤害', en: 'Machinery injury' },
  { code: 'lifting_injury', 'zh-CN': '起重伤害', en: 'Lifting injury' },
  { code: 'electric_shock', 'zh-CN': '触电', en: 'Electric shock' },
  { code: 'drowning', 'zh-CN': '淹溺', en: 'Drowning' },
  { code: 'burn_or_scald', 'zh-CN': '灼烫', en: 'Burn or scald' },
  { code: 'fire', 'zh-CN': '火灾', en: 'Fire' },
  { code: 'fall_from_height', 'zh-CN': '高处坠落', en: 'Fall from height' },
  { code: 'collapse', 'zh-CN': '坍塌', en: 'Collapse' },
  { code: 'roof_or_rib_fall', 'zh-CN': '冒顶片帮', en: 'Roof fall or rib spalling' },
  { code: 'water_inrush', 'zh-CN': '透水', en: 'Water inrush' },
  { code: 'blasting', 'zh-CN': '放炮', en: 'Blasting' },
  { code: 'explosive_explosion', 'zh-CN': '火药爆炸', en: 'Explosion of explosives' },
  { code: 'firedamp_explosion', 'zh-CN': '瓦斯爆炸', en: 'Firedamp (gas) explosion' },
  { code: 'boiler_explosion', 'zh-CN': '锅炉爆炸', en: 'Boiler explosion' },
  { code: 'vessel_explosion', 'zh-CN': '容器爆炸', en: 'Pressure vessel explosion' },
  { code: 'other_explosion', 'zh-CN': '其它爆炸', en: 'Other explosion' },
  { code: 'poisoning_or_asphyxiation', 'zh-CN': '中毒和窒息', en: 'Poisoning and asphyxiation' },
  { code: 'other_injury', 'zh-CN': '其它伤害', en: 'Other injury' },
] as const satisfies readonly AccidentType[];

export type AccidentTypeCode = (typeof ACCIDENT_TYPES)[number]['code'];

export function isAccidentType(code: string): code is AccidentTypeCode {
  return ACCIDENT_TYPES.some((t) => t.code === code);
}

/**
 * The regime an accident is handled under, as far as Order 493 art. 13 cares: road traffic and fire
 * accidents have a 7-day window for supplementary casualty reports, all others 30 days. It is a
 * flag on the report, not derived from the GB 6441 type: the type names how a person was hurt
 * (车辆伤害 by a forklift in a plant yard is not a road traffic accident), while art. 13 means
 * accidents handled as 道路交通事故 or 火灾事故.
 */
export const ACCIDENT_CONTEXTS = ['road_traffic', 'fire', 'other'] as const;
export type AccidentContext = (typeof ACCIDENT_CONTEXTS)[number];

/** Order 493 art. 13: the contexts with the short (7-day) supplementary report window. */
export const ROAD_OR_FIRE_CONTEXTS: readonly AccidentContext[] = ['road_traffic', 'fire'];

export function isAccidentContext(value: string): value is AccidentContext {
  return (ACCIDENT_CONTEXTS as readonly string[]).includes(value);
}
