/**
 * Closed-loop hidden-hazard governance (隐患排查治理闭环): found → assigned for rectification with a
 * deadline → rectified with evidence → accepted (closed) or sent back. This is the one place that
 * says which step may follow which; services and screens ask `allowedActions` and `transition`.
 *
 * Sources (RULES.md and DESIGN.md "Work safety"): SAWS Order 16 《安全生产事故隐患排查治理暂行
 * 规定》 (2007) art. 3 grades (一般 / 重大), art. 15 the major-hazard governance plan, art. 18 the
 * assessment of a major hazard's governance before it is closed. Who may act on a hazard at all
 * (its ground, the actor's role) is the server's policy; this machine adds only what the rules tie
 * to the kind of actor: who may accept, and that a regulator decides on extensions.
 *
 * Deadlines are ISO 8601 instants with an offset, stored normalised to UTC (`toISOString`).
 */
import type { Label } from './label.js';
import { completePlan, missingPlanParts, type GovernancePlan, type GovernancePlanPart } from './hazard-governance-plan.js';
import { parseInstant, requireValidDate } from './time.js';

export const HAZARD_STATUSES = ['found', 'rectifying', 'awaiting_acceptance', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, Label> = {
  found: { 'zh-CN': '待交办', en: 'Found' },
  rectifying: { 'zh-CN': '整改中', en: 'Being rectified' },
  awaiting_acceptance: { 'zh-CN': '待验收', en: 'Awaiting acceptance' },
  closed: { 'zh-CN': '已销号', en: 'Closed' },
};

/** Art. 3: 一般事故隐患 is small and fixed at once; 重大事故隐患 needs suspension and time, or outside help. */
export type HazardGrade = 'general' | 'major';
export const HAZARD_GRADE_LABELS: Record<HazardGrade, Label> = {
  general: { 'zh-CN': '一般事故隐患', en: 'General hazard' },
  major: { 'zh-CN': '重大事故隐患', en: 'Major hazard' },
};

export type HazardSource = 'regulator_inspection' | 'self_inspection' | 'report';

export interface HazardActor {
  kind: 'regulator' | 'enterprise_safety_officer' | 'other';
}

export interface PendingExtension {
  requestedDeadline: string;
  reason: string;
  requestedAt: string;
}

export interface Rectification {
  evidence: string;
  photos: string[];
  submittedAt: string;
}

export interface Acceptance {
  formal: boolean;
  assessmentReportRef: string | null;
  note: string | null;
  acceptedAt: string;
}

export interface HazardState {
  status: HazardStatus;
  grade: HazardGrade;
  source: HazardSource;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  /** The deadline in force: the one set on assignment, or the last approved extension. */
  deadline: string | null;
  /** The deadline first set on assignment; extensions never move it. */
  originalDeadline: string | null;
  /** Only ever set while the hazard is being rectified. */
  pendingExtension: PendingExtension | null;
  governancePlan: GovernancePlan | null;
  /** The submission awaiting acceptance, or accepted; cleared when sent back. */
  rectification: Rectification | null;
  acceptance: Acceptance | null;
  /** Starts at 1; each successful transition adds exactly 1 (optimistic concurrency). */
  version: number;
}

export type HazardAction =
  | {
      type: 'assign';
      responsibleUnit: string;
      responsiblePerson: string;
      deadline: string;
      governancePlan?: Partial<Record<GovernancePlanPart, string>> | null;
    }
  | { type: 'submit_rectification'; evidence: string; photos?: readonly string[] }
  | { type: 'accept'; formal?: boolean; assessmentReportRef?: string | null; note?: string | null }
  | { type: 'send_back'; reason: string }
  | { type: 'request_extension'; newDeadline: string; reason: string }
  | { type: 'approve_extension'; note?: string | null }
  | { type: 'reject_extension'; reason: string };
export type HazardActionType = HazardAction['type'];

/** Each action moves from exactly one status to one status. */
const STEPS: Record<HazardActionType, { from: HazardStatus; to: HazardStatus }> = {
  assign: { from: 'found', to: 'rectifying' },
  submit_rectification: { from: 'rectifying', to: 'awaiting_acceptance' },
  accept: { from: 'awaiting_acceptance', to: 'closed' },
  send_back: { from: 'awaiting_acceptance', to: 'rectifying' },
  request_extension: { from: 'rectifying', to: 'rectifying' },
  approve_extension: { from: 'rectifying', to: 'rectifying' },
  reject_extension: { from: 'rectifying', to: 'rectifying' },
};
export const HAZARD_ACTION_TYPES = Object.keys(STEPS) as readonly HazardActionType[];

interface HazardEventBase {
  at: string;
  actor: HazardActor['kind'];
  from: HazardStatus;
  to: HazardStatus;
  /** The hazard's version after the event. */
  version: number;
}

export type HazardEvent = HazardEventBase &
  (
    | { type: 'assigned'; responsibleUnit: string; responsiblePerson: string; deadline: string; governancePlan: GovernancePlan | null }
    | { type: 'rectification_submitted'; evidence: string; photos: string[]; withdrawnExtension: PendingExtension | null }
    | { type: 'accepted'; formal: boolean; assessmentReportRef: string | null; note: string | null }
    | { type: 'sent_back'; reason: string }
    | { type: 'extension_requested'; requestedDeadline: string; reason: string }
    | { type: 'extension_approved'; previousDeadline: string; deadline: string; note: string | null }
    | { type: 'extension_rejected'; requestedDeadline: string; reason: string }
  );

export type HazardErrorCode =
  | 'illegal_transition'
  | 'not_allowed_to_accept'
  | 'not_allowed_to_decide_extension'
  | 'responsible_required'
  | 'deadline_invalid'
  | 'deadline_in_past'
  | 'deadline_not_later'
  | 'governance_plan_incomplete'
  | 'evidence_required'
  | 'formal_acceptance_required'
  | 'assessment_report_required'
  | 'reason_required'
  | 'extension_already_pending'
  | 'no_pending_extension';

export type HazardTransitionError =
  | { code: 'governance_plan_incomplete'; missingParts: GovernancePlanPart[] }
  | { code: Exclude<HazardErrorCode, 'governance_plan_incomplete'> };

export type HazardTransitionResult = { ok: true; hazard: HazardState; event: HazardEvent } | { ok: false; error: HazardTransitionError };

export const HAZARD_ERROR_MESSAGES: Record<HazardErrorCode, Label> = {
  illegal_transition: { 'zh-CN': '隐患当前状态不允许此操作', en: 'This step is not possible in the hazard’s current state' },
  not_allowed_to_accept: { 'zh-CN': '无权验收此隐患', en: 'You may not accept this hazard' },
  not_allowed_to_decide_extension: { 'zh-CN': '延期申请须由监管部门审批', en: 'Only a regulator decides on an extension' },
  responsible_required: { 'zh-CN': '须指定整改责任单位和责任人', en: 'A responsible unit and person are required' },
  deadline_invalid: { 'zh-CN': '整改期限格式不正确', en: 'The deadline is not a valid date and time' },
  deadline_in_past: { 'zh-CN': '整改期限须晚于当前时间', en: 'The deadline must be in the future' },
  deadline_not_later: { 'zh-CN': '延期后的期限须晚于原期限', en: 'The new deadline must be later than the current one' },
  governance_plan_incomplete: { 'zh-CN': '重大事故隐患治理方案内容不全', en: 'The major-hazard governance plan is incomplete' },
  evidence_required: { 'zh-CN': '须提交整改情况说明', en: 'Evidence of the rectification is required' },
  formal_acceptance_required: { 'zh-CN': '重大事故隐患须正式验收', en: 'A major hazard needs formal acceptance' },
  assessment_report_required: { 'zh-CN': '重大事故隐患验收须附治理情况评估报告', en: 'A major hazard needs an assessment report to be accepted' },
  reason_required: { 'zh-CN': '须说明理由', en: 'A reason is required' },
  extension_already_pending: { 'zh-CN': '已有待审批的延期申请', en: 'An extension request is already pending' },
  no_pending_extension: { 'zh-CN': '没有待审批的延期申请', en: 'There is no pending extension request' },
};

/** A hazard as it is first recorded. */
export function createHazard(input: { grade: HazardGrade; source: HazardSource }): HazardState {
  return {
    status: 'found',
    grade: input.grade,
    source: input.source,
    responsibleUnit: null,
    responsiblePerson: null,
    deadline: null,
    originalDeadline: null,
    pendingExtension: null,
    governancePlan: null,
    rectification: null,
    acceptance: null,
    version: 1,
  };
}

/**
 * Acceptance (验收) is a check on the enterprise, so the enterprise may accept only what it found
 * itself and what is minor: a general hazard from its self-inspection. A hazard a regulator found,
 * one reported by others, and every major hazard are accepted by a regulator (art. 18). Sending a
 * submission back is the other outcome of the same check, so the same actors may do it.
 */
function mayAccept(hazard: HazardState, actor: HazardActor): boolean {
  if (actor.kind === 'regulator') return true;
  return actor.kind === 'enterprise_safety_officer' && hazard.grade === 'general' && hazard.source === 'self_inspection';
}

/** Whether an action of this type could succeed now, whatever its payload; null when it could. */
function gate(hazard: HazardState, type: HazardActionType, actor: HazardActor): HazardTransitionError | null {
  if (hazard.status !== STEPS[type].from) return { code: 'illegal_transition' };
  switch (type) {
    case 'accept':
    case 'send_back':
      return mayAccept(hazard, actor) ? null : { code: 'not_allowed_to_accept' };
    case 'request_extension':
      return hazard.pendingExtension === null ? null : { code: 'extension_already_pending' };
    case 'approve_extension':
    case 'reject_extension':
      if (actor.kind !== 'regulator') return { code: 'not_allowed_to_decide_extension' };
      return hazard.pendingExtension === null ? { code: 'no_pending_extension' } : null;
    default:
      return null;
  }
}

/** The action types this actor could take on the hazard now, in a fixed order. */
export function allowedActions(hazard: HazardState, actor: HazardActor): HazardActionType[] {
  return HAZARD_ACTION_TYPES.filter((type) => gate(hazard, type, actor) === null);
}

/** Open (not closed) and strictly past its deadline; awaiting acceptance still counts as open. */
export function isOverdue(hazard: HazardState, now: Date): boolean {
  const nowMs = requireValidDate(now, 'now');
  if (hazard.status === 'closed' || hazard.deadline === null) return false;
  const deadline = parseInstant(hazard.deadline);
  return deadline !== null && nowMs > deadline;
}

/**
 * Applies one action. A refused action returns a stable error code and leaves the hazard as it
 * was; the input is never modified. `at` must be a valid Date (a RangeError otherwise).
 */
export function transition(hazard: HazardState, action: HazardAction, actor: HazardActor, at: Date): HazardTransitionResult {
  const atMs = requireValidDate(at, 'at');
  const refused = gate(hazard, action.type, actor);
  if (refused !== null) return { ok: false, error: refused };

  const base = { at: new Date(atMs).toISOString(), actor: actor.kind, from: hazard.status, to: STEPS[action.type].to, version: hazard.version + 1 };
  const next = { ...hazard, status: base.to, version: base.version };
  const fail = (code: Exclude<HazardErrorCode, 'governance_plan_incomplete'>): HazardTransitionResult => ({ ok: false, error: { code } });

  switch (action.type) {
    case 'assign': {
      const responsibleUnit = text(action.responsibleUnit);
      const responsiblePerson = text(action.responsiblePerson);
      if (responsibleUnit === null || responsiblePerson === null) return fail('responsible_required');
      const deadline = parseInstant(action.deadline);
      if (deadline === null) return fail('deadline_invalid');
      if (deadline <= atMs) return fail('deadline_in_past');
      // Art. 15: a major hazard is not handed over for governance without a complete plan; a plan
      // offered for a general hazard must be complete too, so no half plan is put on record.
      const draft = action.governancePlan ?? null;
      if (hazard.grade === 'major' || draft !== null) {
        const missingParts = missingPlanParts(draft);
        if (missingParts.length > 0) return { ok: false, error: { code: 'governance_plan_incomplete', missingParts } };
      }
      const governancePlan = completePlan(draft);
      const deadlineIso = new Date(deadline).toISOString();
      return {
        ok: true,
        hazard: { ...next, responsibleUnit, responsiblePerson, deadline: deadlineIso, originalDeadline: deadlineIso, governancePlan },
        event: { ...base, type: 'assigned', responsibleUnit, responsiblePerson, deadline: deadlineIso, governancePlan },
      };
    }
    case 'submit_rectification': {
      const evidence = text(action.evidence);
      if (evidence === null) return fail('evidence_required');
      const photos = (action.photos ?? []).map((p) => p.trim()).filter((p) => p !== '');
      // Once the work is reported done, an extension asked for meanwhile has nothing left to extend.
      const withdrawnExtension = hazard.pendingExtension;
      return {
        ok: true,
        hazard: { ...next, pendingExtension: null, rectification: { evidence, photos, submittedAt: base.at } },
        event: { ...base, type: 'rectification_submitted', evidence, photos: [...photos], withdrawnExtension },
      };
    }
    case 'accept': {
      const formal = action.formal === true;
      const assessmentReportRef = text(action.assessmentReportRef);
      // Art. 18: a major hazard's governance is assessed (by the unit's experts or a qualified
      // assessment body) and the closure is a formal act on that assessment.
      if (hazard.grade === 'major' && !formal) return fail('formal_acceptance_required');
      if (hazard.grade === 'major' && assessmentReportRef === null) return fail('assessment_report_required');
      const note = text(action.note);
      return {
        ok: true,
        hazard: { ...next, acceptance: { formal, assessmentReportRef, note, acceptedAt: base.at } },
        event: { ...base, type: 'accepted', formal, assessmentReportRef, note },
      };
    }
    case 'send_back': {
      const reason = text(action.reason);
      if (reason === null) return fail('reason_required');
      return { ok: true, hazard: { ...next, rectification: null }, event: { ...base, type: 'sent_back', reason } };
    }
    case 'request_extension': {
      const reason = text(action.reason);
      const requested = parseInstant(action.newDeadline);
      if (requested === null) return fail('deadline_invalid');
      const current = hazard.deadline === null ? null : parseInstant(hazard.deadline);
      if (current !== null && requested <= current) return fail('deadline_not_later');
      if (requested <= atMs) return fail('deadline_in_past');
      if (reason === null) return fail('reason_required');
      const requestedDeadline = new Date(requested).toISOString();
      return {
        ok: true,
        hazard: { ...next, pendingExtension: { requestedDeadline, reason, requestedAt: base.at } },
        event: { ...base, type: 'extension_requested', requestedDeadline, reason },
      };
    }
    case 'approve_extension': {
      const pending = hazard.pendingExtension;
      if (pending === null) return fail('no_pending_extension');
      const previousDeadline = hazard.deadline ?? '';
      return {
        ok: true,
        hazard: { ...next, deadline: pending.requestedDeadline, pendingExtension: null },
        event: { ...base, type: 'extension_approved', previousDeadline, deadline: pending.requestedDeadline, note: text(action.note) },
      };
    }
    case 'reject_extension': {
      const pending = hazard.pendingExtension;
      if (pending === null) return fail('no_pending_extension');
      const reason = text(action.reason);
      if (reason === null) return fail('reason_required');
      return {
        ok: true,
        hazard: { ...next, pendingExtension: null },
        event: { ...base, type: 'extension_rejected', requestedDeadline: pending.requestedDeadline, reason },
      };
    }
  }
}

/** Trimmed text, or null when absent or blank. */
function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}
