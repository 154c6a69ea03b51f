/**
 * Work-safety duty lists (安全生产责任清单). RULES.md "Three musts": Work Safety Law (2021) art. 3
 * (管行业必须管安全、管业务必须管安全、管生产经营必须管安全; 党政同责、一岗双责、齐抓共管、失职追责)
 * and art. 4 (全员安全生产责任制); the duties of local party and government leaders follow
 * 《地方党政领导干部安全生产责任制规定》 (中办、国办, April 2018). The shipped templates below are
 * the platform's starting point: a city copies and edits them as data. Items paraphrased from
 * memory of a text, not copied from it, carry `verify` until someone checks them against it.
 */
import type { Label } from './label.js';

/** The three principles a duty list follows. */
export const RESPONSIBILITY_PRINCIPLES = ['party_government_same_duty', 'one_post_two_duties', 'all_staff_post'] as const;
export type ResponsibilityPrinciple = (typeof RESPONSIBILITY_PRINCIPLES)[number];

export const RESPONSIBILITY_PRINCIPLE_LABELS: Readonly<Record<ResponsibilityPrinciple, Label>> = {
  party_government_same_duty: { 'zh-CN': '党政同责', en: 'Party and government share the duty' },
  one_post_two_duties: { 'zh-CN': '一岗双责', en: 'One post, two duties' },
  all_staff_post: { 'zh-CN': '全员岗位责任制', en: 'Duty for every post' },
};

/** What kind of unit holds a duty list or signs a responsibility letter. */
export const RESPONSIBILITY_UNIT_KINDS = ['party_committee', 'government', 'department', 'enterprise', 'other'] as const;
export type ResponsibilityUnitKind = (typeof RESPONSIBILITY_UNIT_KINDS)[number];

export const RESPONSIBILITY_UNIT_KIND_LABELS: Readonly<Record<ResponsibilityUnitKind, Label>> = {
  party_committee: { 'zh-CN': '党委', en: 'Party committee' },
  government: { 'zh-CN': '人民政府', en: "People's government" },
  department: { 'zh-CN': '部门', en: 'Department' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  other: { 'zh-CN': '其他单位', en: 'Other unit' },
};

/**
 * The posts of a region's leadership that the responsibility chain names. 党政同责: the party
 * secretary and the head of government are both first responsible (规定 art. 4 [verify]); the deputy
 * in charge of work safety and the other deputies answer under 一岗双责.
 */
export const REGION_LEADER_POSTS = ['party_secretary', 'government_head', 'deputy_safety', 'deputy_other'] as const;
export type RegionLeaderPost = (typeof REGION_LEADER_POSTS)[number];

export const REGION_LEADER_POST_LABELS: Readonly<Record<RegionLeaderPost, Label>> = {
  party_secretary: { 'zh-CN': '党委（党工委）书记', en: 'Party secretary' },
  government_head: { 'zh-CN': '政府（办事处、村居委会）主要负责人', en: 'Head of government' },
  deputy_safety: { 'zh-CN': '分管安全生产副职', en: 'Deputy in charge of work safety' },
  deputy_other: { 'zh-CN': '其他班子成员', en: 'Other member of the leadership' },
};

/** The shipped template whose duties a leader's post carries. */
export const REGION_LEADER_POST_TEMPLATE: Readonly<Record<RegionLeaderPost, string>> = {
  party_secretary: 'party_secretary',
  government_head: 'government_head',
  deputy_safety: 'deputy_in_charge',
  deputy_other: 'deputy_in_charge',
};

export interface DutyItem {
  readonly 'zh-CN': string;
  readonly en: string;
  /** The provision the duty comes from. */
  readonly basis: string;
  readonly verify: boolean;
}

export interface DutyTemplate {
  readonly code: string;
  readonly name: Label;
  /** The post the template is written for, e.g. 党委书记. */
  readonly post: Label;
  readonly principle: ResponsibilityPrinciple;
  /** The unit kinds the post exists in. */
  readonly unitKinds: readonly ResponsibilityUnitKind[];
  readonly source: string;
  readonly items: readonly DutyItem[];
}

const RULES_2018 = '《地方党政领导干部安全生产责任制规定》（2018）';
const LAW = '《安全生产法》（2021年修正）';

/** The shipped templates, one per typical post; order is the order of the chain, top down. */
export const SHIPPED_DUTY_TEMPLATES: readonly DutyTemplate[] = [
  {
    code: 'party_secretary',
    name: { 'zh-CN': '地方党委主要负责人安全生产责任清单', en: 'Duty list of the local party secretary' },
    post: { 'zh-CN': '党委书记', en: 'Party secretary' },
    principle: 'party_government_same_duty',
    unitKinds: ['party_committee'],
    source: `${RULES_2018} 第四条、第五条`,
    items: [
      { 'zh-CN': '是本地区安全生产第一责任人，对本地区安全生产工作负总责', en: 'First person responsible for work safety in the region', basis: `${RULES_2018} 第四条`, verify: true },
      { 'zh-CN': '认真贯彻执行党中央以及上级党委关于安全生产的决策部署和指示精神，安全生产方针政策、法律法规', en: "Carry out the Party Centre's and higher committees' decisions, policies and laws on work safety", basis: `${RULES_2018} 第五条第一项`, verify: true },
      { 'zh-CN': '把安全生产纳入党委议事日程和向全会报告工作的内容，及时组织研究解决安全生产重大问题', en: "Put work safety on the committee's agenda and plenary reports; resolve major issues promptly", basis: `${RULES_2018} 第五条第二项`, verify: true },
      { 'zh-CN': '把安全生产纳入党委常委会及其成员职责清单，督促落实安全生产“一岗双责”制度', en: "Put work safety in the standing committee members' duty lists; see that one post, two duties is applied", basis: `${RULES_2018} 第五条第三项`, verify: true },
      { 'zh-CN': '加强安全生产监管部门领导班子、干部队伍和机构建设，统筹协调各方面重视支持安全生产工作', en: 'Build the leadership, staff and organisation of the work-safety regulators; rally support for work safety', basis: `${RULES_2018} 第五条第四项`, verify: true },
      { 'zh-CN': '推动将安全生产纳入经济社会发展全局和领导干部政绩考核的重要内容', en: 'Make work safety part of economic and social development and of the performance review of officials', basis: `${RULES_2018} 第五条第五项`, verify: true },
      { 'zh-CN': '将安全生产方针政策和法律法规纳入党委理论学习中心组学习内容和干部培训内容', en: "Include work-safety policy and law in the committee's study sessions and in cadre training", basis: `${RULES_2018} 第五条第六项`, verify: true },
    ],
  },
  {
    code: 'government_head',
    name: { 'zh-CN': '地方政府主要负责人安全生产责任清单', en: 'Duty list of the head of the local government' },
    post: { 'zh-CN': '区长/县长（政府主要负责人）', en: 'District or county head (head of government)' },
    principle: 'party_government_same_duty',
    unitKinds: ['government'],
    source: `${RULES_2018} 第四条、第六条`,
    items: [
      { 'zh-CN': '是本地区安全生产第一责任人，对本地区安全生产工作负总责', en: 'First person responsible for work safety in the region', basis: `${RULES_2018} 第四条`, verify: true },
      { 'zh-CN': '认真贯彻落实党中央、国务院以及上级党委和政府、本级党委关于安全生产的决策部署和指示精神', en: 'Carry out the decisions of the Party Centre, the State Council and higher and local committees on work safety', basis: `${RULES_2018} 第六条第一项`, verify: true },
      { 'zh-CN': '把安全生产纳入政府重点工作和政府工作报告，组织制定安全生产规划，及时研究解决安全生产突出问题', en: "Make work safety a key task of the government and its work report; plan it; resolve pressing issues", basis: `${RULES_2018} 第六条第二项`, verify: true },
      { 'zh-CN': '组织制定政府领导干部年度安全生产重点工作责任清单并定期检查考核，在部门“三定”规定中明确安全生产职责', en: "Set yearly duty lists for the government's leaders and review them; write safety duties into departments' mandates", basis: `${RULES_2018} 第六条第三项`, verify: true },
      { 'zh-CN': '组织设立安全生产专项资金并列入本级财政预算', en: 'Set up a work-safety fund in the budget', basis: `${RULES_2018} 第六条第四项`, verify: true },
      { 'zh-CN': '组织实施安全生产监督检查和专项整治，推动构建安全风险分级管控和隐患排查治理双重预防机制，明确各类生产经营单位的安全生产监管部门', en: 'Run inspections and campaigns; build dual prevention; name the regulator of every kind of business', basis: `${RULES_2018} 第六条第五项`, verify: true },
      { 'zh-CN': '依法领导和组织生产安全事故应急救援、调查处理及信息公开工作', en: 'Lead emergency rescue, investigation and disclosure of accidents', basis: `${RULES_2018} 第六条第五项；${LAW} 第八十三条`, verify: true },
      { 'zh-CN': '领导本地区安全生产委员会工作，统筹协调安全生产工作，推动构建安全生产责任体系', en: "Lead the region's work-safety committee and build the responsibility system", basis: `${RULES_2018} 第六条第六项`, verify: true },
    ],
  },
  {
    code: 'deputy_in_charge',
    name: { 'zh-CN': '分管副职安全生产责任清单（一岗双责）', en: 'Duty list of a deputy in charge (one post, two duties)' },
    post: { 'zh-CN': '分管副职', en: 'Deputy in charge' },
    principle: 'one_post_two_duties',
    unitKinds: ['party_committee', 'government', 'department', 'enterprise'],
    source: `${RULES_2018} 第七条至第九条；${LAW} 第三条`,
    items: [
      { 'zh-CN': '对分管范围内的安全生产工作负领导责任，坚持管行业必须管安全、管业务必须管安全、管生产经营必须管安全', en: 'Answer for work safety within the area in charge: who runs a line of work also runs its safety', basis: `${LAW} 第三条；${RULES_2018} 第四条`, verify: false },
      { 'zh-CN': '分管安全生产工作的副职：协助主要负责人落实安全生产责任，组织安全生产委员会办公室开展工作，组织安全生产检查和专项整治', en: 'The deputy in charge of work safety assists the heads, runs the work-safety committee office, inspections and campaigns', basis: `${RULES_2018} 第八条`, verify: true },
      { 'zh-CN': '其他分管副职：在分管工作中同步研究、部署、检查、考核安全生产工作，督促分管部门和单位落实安全生产职责', en: 'Other deputies: plan, deploy, check and assess safety together with their own work; hold their departments to their safety duties', basis: `${RULES_2018} 第九条`, verify: true },
      { 'zh-CN': '定期听取分管领域安全生产工作汇报，研究解决重大问题，督促重大事故隐患按期整改', en: 'Hear regular reports from the area in charge; resolve major issues; see that major hazards are fixed on time', basis: `${RULES_2018} 第九条`, verify: true },
    ],
  },
  {
    code: 'department_head',
    name: { 'zh-CN': '部门负责人安全生产责任清单', en: 'Duty list of a department head' },
    post: { 'zh-CN': '部门负责人', en: 'Department head' },
    principle: 'one_post_two_duties',
    unitKinds: ['department'],
    source: `${LAW} 第三条、第十条`,
    items: [
      { 'zh-CN': '对本部门负责的行业、领域安全生产工作实施监督管理，落实“三管三必须”', en: 'Regulate work safety in the industries and fields the department answers for (three musts)', basis: `${LAW} 第三条、第十条`, verify: false },
      { 'zh-CN': '组织制定并落实本部门安全生产权力和责任清单，明确内设机构和岗位的安全生产职责', en: "Draw up and apply the department's list of safety powers and duties, down to each section and post", basis: `${RULES_2018} 第十三条`, verify: true },
      { 'zh-CN': '组织本行业领域安全检查和隐患排查治理，督办重大事故隐患，依法查处违法行为', en: 'Run inspections and hazard governance in the field, supervise major hazards, punish violations', basis: `${LAW} 第六十五条`, verify: true },
      { 'zh-CN': '参与本行业领域生产安全事故应急救援和调查处理', en: 'Take part in rescue and investigation of accidents in the field', basis: `${LAW} 第八十三条、第八十六条`, verify: true },
    ],
  },
  {
    code: 'enterprise_principal',
    name: { 'zh-CN': '企业主要负责人安全生产职责', en: "Duties of an enterprise's principal" },
    post: { 'zh-CN': '企业主要负责人', en: 'Principal of the enterprise' },
    principle: 'all_staff_post',
    unitKinds: ['enterprise'],
    source: `${LAW} 第五条、第二十一条`,
    items: [
      { 'zh-CN': '建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设', en: 'Set up and apply a duty for every post; work on safety standardisation', basis: `${LAW} 第二十一条第一项`, verify: false },
      { 'zh-CN': '组织制定并实施本单位安全生产规章制度和操作规程', en: 'Make and apply safety rules and operating procedures', basis: `${LAW} 第二十一条第二项`, verify: false },
      { 'zh-CN': '组织制定并实施本单位安全生产教育和培训计划', en: 'Make and carry out the safety training plan', basis: `${LAW} 第二十一条第三项`, verify: false },
      { 'zh-CN': '保证本单位安全生产投入的有效实施', en: 'Ensure the safety investment is made', basis: `${LAW} 第二十一条第四项`, verify: false },
      { 'zh-CN': '组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查安全生产工作，及时消除生产安全事故隐患', en: 'Run dual prevention (risk grading, hazard governance); check safety work; remove hazards promptly', basis: `${LAW} 第二十一条第五项`, verify: false },
      { 'zh-CN': '组织制定并实施本单位的生产安全事故应急救援预案', en: 'Make and apply the emergency plan', basis: `${LAW} 第二十一条第六项`, verify: false },
      { 'zh-CN': '及时、如实报告生产安全事故', en: 'Report accidents promptly and truthfully', basis: `${LAW} 第二十一条第七项`, verify: false },
    ],
  },
  {
    code: 'safety_manager',
    name: { 'zh-CN': '安全生产管理人员职责', en: 'Duties of safety managers' },
    post: { 'zh-CN': '安全管理人员', en: 'Safety manager' },
    principle: 'all_staff_post',
    unitKinds: ['enterprise'],
    source: `${LAW} 第二十五条`,
    items: [
      { 'zh-CN': '组织或者参与拟订本单位安全生产规章制度、操作规程和生产安全事故应急救援预案', en: 'Draft or help draft safety rules, procedures and the emergency plan', basis: `${LAW} 第二十五条第一项`, verify: false },
      { 'zh-CN': '组织或者参与本单位安全生产教育和培训，如实记录安全生产教育和培训情况', en: 'Run or take part in safety training and record it truthfully', basis: `${LAW} 第二十五条第二项`, verify: false },
      { 'zh-CN': '组织开展危险源辨识和评估，督促落实本单位重大危险源的安全管理措施', en: 'Identify and assess hazard sources; see that major hazard sources are managed', basis: `${LAW} 第二十五条第三项`, verify: false },
      { 'zh-CN': '组织或者参与本单位应急救援演练', en: 'Run or take part in emergency drills', basis: `${LAW} 第二十五条第四项`, verify: false },
      { 'zh-CN': '检查本单位的安全生产状况，及时排查生产安全事故隐患，提出改进安全生产管理的建议', en: 'Inspect the safety situation, find hazards promptly, propose improvements', basis: `${LAW} 第二十五条第五项`, verify: false },
      { 'zh-CN': '制止和纠正违章指挥、强令冒险作业、违反操作规程的行为', en: 'Stop and correct unlawful orders, forced risky work and breaches of procedure', basis: `${LAW} 第二十五条第六项`, verify: false },
      { 'zh-CN': '督促落实本单位安全生产整改措施', en: 'See that rectification measures are carried out', basis: `${LAW} 第二十五条第七项`, verify: false },
    ],
  },
  {
    code: 'post_worker',
    name: { 'zh-CN': '岗位员工安全生产职责', en: 'Duties of workers at their posts' },
    post: { 'zh-CN': '岗位员工', en: 'Worker' },
    principle: 'all_staff_post',
    unitKinds: ['enterprise', 'department', 'other'],
    source: `${LAW} 第五十七条至第五十九条`,
    items: [
      { 'zh-CN': '严格落实岗位安全责任，遵守本单位的安全生产规章制度和操作规程，服从管理', en: 'Keep to the safety duty of the post, the rules and procedures; follow instructions', basis: `${LAW} 第五十七条`, verify: false },
      { 'zh-CN': '正确佩戴和使用劳动防护用品', en: 'Wear and use protective equipment correctly', basis: `${LAW} 第五十七条`, verify: false },
      { 'zh-CN': '接受安全生产教育和培训，掌握本职工作所需的安全生产知识，增强事故预防和应急处理能力', en: 'Take safety training; know what the job needs; be ready to prevent and respond to accidents', basis: `${LAW} 第五十八条`, verify: false },
      { 'zh-CN': '发现事故隐患或者其他不安全因素，立即向现场安全生产管理人员或者本单位负责人报告', en: 'Report hazards and unsafe conditions at once to the safety manager or the head of the unit', basis: `${LAW} 第五十九条`, verify: false },
    ],
  },
];

/** Bounds of an editable duty list, so a list stays a list. */
export const DUTY_LIST_LIMITS = { maxItems: 60, maxItemLength: 500, minItemLength: 2 } as const;

export interface DutyListItem {
  text: string;
  basis: string | null;
}

/** A shipped template's items as a list holds them: the zh-CN text and the basis. */
export function shippedDutyItems(template: Pick<DutyTemplate, 'items'>): Array<DutyListItem & { verify: boolean }> {
  return template.items.map((item) => ({ text: item['zh-CN'], basis: item.basis, verify: item.verify }));
}

/**
 * A new duty list's items, copied from its template: text and basis, without the template's
 * verify marks (the unit adopts the wording as its own). Later edits of the template never reach it.
 */
export function dutyItemsFromTemplate(items: readonly DutyListItem[]): DutyListItem[] {
  return items.map((item) => ({ text: item.text, basis: item.basis }));
}

export type DutyItemProblem = 'empty' | 'too_many' | 'too_short' | 'too_long' | 'duplicate';

/**
 * The items as they are stored: text trimmed, empty basis as null. The problem found, if any:
 * none at all, more than the limit, an item too short or too long, or the same duty twice.
 */
export function normalizeDutyItems(items: readonly DutyListItem[]): { items: DutyListItem[]; problem: { code: DutyItemProblem; index: number } | null } {
  const normalized = items.map((item) => ({ text: item.text.trim(), basis: item.basis?.trim() ? item.basis.trim() : null }));
  if (normalized.length === 0) return { items: normalized, problem: { code: 'empty', index: 0 } };
  if (normalized.length > DUTY_LIST_LIMITS.maxItems) return { items: normalized, problem: { code: 'too_many', index: DUTY_LIST_LIMITS.maxItems } };
  const seen = new Set<string>();
  for (const [index, item] of normalized.entries()) {
    const length = Array.from(item.text).length;
    if (length < DUTY_LIST_LIMITS.minItemLength) return { items: normalized, problem: { code: 'too_short', index } };
    if (length > DUTY_LIST_LIMITS.maxItemLength) return { items: normalized, problem: { code: 'too_long', index } };
    if (seen.has(item.text)) return { items: normalized, problem: { code: 'duplicate', index } };
    seen.add(item.text);
  }
  return { items: normalized, problem: null };
}
