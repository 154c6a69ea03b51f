/**
 * Inspection checklist templates shipped as data (DESIGN.md "Inspections"): the national criteria
 * for major accident hazards in chemical and hazardous-chemical enterprises, and a general safety
 * checklist. A finding is a failed item; its template decides the grade of the hazard it becomes.
 */
import type { HazardGrade } from './hazard-state-machine.js';
import type { Label } from './label.js';

export const CHECKLIST_TEMPLATE_CODES = ['chemical_major_hazards_2017', 'general'] as const;
export type ChecklistTemplateCode = (typeof CHECKLIST_TEMPLATE_CODES)[number];

export interface ChemicalMajorHazardItem extends Label {
  readonly number: number;
  /** True where the text comes from a secondary copy and awaits checking against the original. */
  readonly verify: boolean;
}

/**
 * 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》, 安监总管三〔2017〕121号
 * (SAWS, 2017): "依据有关法律法规、部门规章和国家标准，以下情形应当判定为重大事故隐患". The
 * texts follow published reprints of the notice; items 16–20 are [verify] in RULES.md "Work safety".
 */
export const CHEMICAL_MAJOR_HAZARD_CRITERIA_2017: readonly ChemicalMajorHazardItem[] = [
  {
    number: 1,
    'zh-CN': '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。',
    en: 'The principal person and the safety managers of a hazardous-chemical producer or trader have not passed the assessment required by law.',
    verify: false,
  },
  { number: 2, 'zh-CN': '特种作业人员未持证上岗。', en: 'Special-operation workers work without certificates.', verify: false },
  {
    number: 3,
    'zh-CN': '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求。',
    en: 'Production units or storage facilities involving key hazardous chemicals, key hazardous processes or major hazard installations do not keep the external safety distances of the national standards.',
    verify: false,
  },
  {
    number: 4,
    'zh-CN': '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用。',
    en: 'Units with key supervised hazardous chemical processes lack automatic control or emergency shutdown, or the automatic control and emergency shutdown systems installed are not in use.',
    verify: false,
  },
  {
    number: 5,
    'zh-CN': '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统。',
    en: 'Tank farms that are grade 1 or 2 major hazard installations lack emergency cut-off; those holding toxic gases, liquefied gases or highly toxic liquids lack an independent safety instrumented system.',
    verify: false,
  },
  {
    number: 6,
    'zh-CN': '全压力式液化烃储罐未按国家标准设置注水措施。',
    en: 'Fully pressurised liquefied-hydrocarbon tanks lack the water injection required by the national standards.',
    verify: false,
  },
  {
    number: 7,
    'zh-CN': '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统。',
    en: 'Flammable, explosive or toxic liquefied gases such as liquefied hydrocarbons, liquid ammonia and liquid chlorine are loaded without universal-joint loading arms.',
    verify: false,
  },
  {
    number: 8,
    'zh-CN': '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域。',
    en: 'Pipelines of highly toxic gases such as phosgene and chlorine, or of hydrogen sulphide, cross public areas outside the plant (chemical or industrial parks included in the plant).',
    verify: false,
  },
  {
    number: 9,
    'zh-CN': '地区架空电力线路穿越生产区且不符合国家标准要求。',
    en: 'Overhead public power lines cross the production area against the national standards.',
    verify: false,
  },
  {
    number: 10,
    'zh-CN': '在役化工装置未经正规设计且未进行安全设计诊断。',
    en: 'Chemical units in service were neither formally designed nor given a safety design review.',
    verify: false,
  },
  {
    number: 11,
    'zh-CN': '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备。',
    en: 'Processes or equipment listed in the catalogue of obsolete safety technologies are in use.',
    verify: false,
  },
  {
    number: 12,
    'zh-CN': '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备。',
    en: 'Places where flammable or toxic gases may leak lack the gas detectors and alarms of the national standards, or explosive atmospheres lack explosion-proof electrical equipment.',
    verify: false,
  },
  {
    number: 13,
    'zh-CN': '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求。',
    en: 'The side of a control room or cabinet room facing units with fire or explosion hazards does not meet the fire- and blast-resistance requirements of the national standards.',
    verify: false,
  },
  {
    number: 14,
    'zh-CN': '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源。',
    en: 'Chemical production units lack the dual power supply of the national standards, or automatic control systems lack an uninterruptible power supply.',
    verify: false,
  },
  {
    number: 15,
    'zh-CN': '安全阀、爆破片等安全附件未正常投用。',
    en: 'Safety accessories such as safety valves and bursting discs are not in normal service.',
    verify: false,
  },
  {
    number: 16,
    'zh-CN': '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度。',
    en: 'No safety responsibility system matching every post has been set up, or no accident-hazard investigation and governance system has been drawn up and carried out.',
    verify: true,
  },
  {
    number: 17,
    'zh-CN': '未制定操作规程和工艺控制指标。',
    en: 'No operating procedures or process control limits have been drawn up.',
    verify: true,
  },
  {
    number: 18,
    'zh-CN': '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行。',
    en: 'No management system for special work such as hot work and confined-space entry has been drawn up under the national standards, or it is not effectively enforced.',
    verify: true,
  },
  {
    number: 19,
    'zh-CN':
      '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估。',
    en: 'A newly developed process goes into industrial production without laboratory, pilot and industrial trials; a process used for the first time in China lacks a safety and reliability review organised by the provincial government; a new unit starts without a trial-run plan; or a fine-chemicals enterprise has not assessed reaction safety risks as required.',
    verify: true,
  },
  {
    number: 20,
    'zh-CN': '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存。',
    en: 'Hazardous chemicals are not stored by zone and class under the national standards, are stored above the permitted quantities or kinds, or incompatible substances are stored together.',
    verify: true,
  },
];

export interface GeneralChecklistItem extends Label {
  readonly number: number;
  readonly code: string;
  /** The provision that makes the item a requirement. */
  readonly source: string;
  /** True where the provision is cited from memory of secondary material and awaits checking. */
  readonly verify: boolean;
}

/**
 * A general work-safety checklist for any enterprise, each item tied to the provision behind it;
 * 安全生产法 is the Work Safety Law as amended in 2021.
 */
export const GENERAL_CHECKLIST: readonly GeneralChecklistItem[] = [
  { number: 1, code: 'responsibility_system', 'zh-CN': '安全生产责任制', en: 'Work safety responsibility system', source: '安全生产法第四条、第二十二条', verify: false },
  { number: 2, code: 'safety_management_staff', 'zh-CN': '安全管理机构和人员', en: 'Safety management body and staff', source: '安全生产法第二十四条', verify: false },
  { number: 3, code: 'education_and_training', 'zh-CN': '教育培训', en: 'Safety education and training', source: '安全生产法第二十八条', verify: false },
  { number: 4, code: 'special_operation_certificates', 'zh-CN': '特种作业人员持证', en: 'Special-operation workers certified', source: '安全生产法第三十条', verify: false },
  { number: 5, code: 'hazard_governance_system', 'zh-CN': '隐患排查治理制度', en: 'Hazard investigation and governance system', source: '安全生产法第四十一条', verify: false },
  { number: 6, code: 'emergency_plans_and_drills', 'zh-CN': '应急预案和演练', en: 'Emergency plans and drills', source: '安全生产法第八十一条', verify: false },
  { number: 7, code: 'fire_protection', 'zh-CN': '消防设施', en: 'Fire protection facilities', source: '消防法第十六条', verify: false },
  { number: 8, code: 'electrical_safety', 'zh-CN': '电气安全', en: 'Electrical safety', source: 'GB/T 13869-2017《用电安全导则》；安全生产法第四十三条（临时用电）', verify: true },
  { number: 9, code: 'confined_space_work', 'zh-CN': '有限空间作业', en: 'Confined-space work', source: '《工贸企业有限空间作业安全规定》（应急管理部令第13号）', verify: true },
  { number: 10, code: 'hot_work', 'zh-CN': '动火作业', en: 'Hot work', source: '安全生产法第四十三条', verify: false },
  { number: 11, code: 'personal_protective_equipment', 'zh-CN': '劳动防护用品', en: 'Personal protective equipment', source: '安全生产法第四十五条', verify: false },
  { number: 12, code: 'safety_signs', 'zh-CN': '安全警示标志', en: 'Safety warning signs', source: '安全生产法第三十五条', verify: false },
];

/**
 * The grade of the hazard a failed item becomes. Any item of the 2017 criteria is by definition a
 * major hazard (the notice: "应当判定为重大事故隐患"); a general checklist item starts as a general
 * hazard. An item number the template does not have is a RangeError.
 */
export function hazardGradeForFailedItem(templateCode: ChecklistTemplateCode, itemNumber: number): HazardGrade {
  const items: readonly { number: number }[] = templateCode === 'chemical_major_hazards_2017' ? CHEMICAL_MAJOR_HAZARD_CRITERIA_2017 : GENERAL_CHECKLIST;
  if (!items.some((item) => item.number === itemNumber)) throw new RangeError(`${templateCode} has no item ${itemNumber}`);
  return templateCode === 'chemical_major_hazards_2017' ? 'major' : 'general';
}
