import { HAZARD_STATUS_LABELS, maskName, type ReportingLevel } from '@shoutu/domain';
import type { AccidentDetail } from '../accidents/accidents.schema.js';
import type { HazardDetail } from '../hazards/hazards.schema.js';
import type { EvidenceEvent, EvidencePack } from './accountability.schema.js';

/**
 * Evidence packs (证据材料): the timeline of the item that triggered a candidate or a record — who
 * did (or owed) what and when — built from what the hazards and accidents services answer. A
 * record keeps its pack as it stood when it was made. Labels are bilingual; the details quote the
 * item's own (Chinese) data.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant as read in China, marked so (the evidence is read in any time zone): 2026-01-05 16:00（北京时间）. */
export function chinaTime(iso: string): string {
  return `${chinaDayTime(iso)}（北京时间）`;
}

function chinaDayTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A span of minutes as 1 天 2 小时 5 分钟. */
function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const parts = [[Math.floor(minutes / 1440), '天'], [Math.floor((minutes % 1440) / 60), '小时'], [minutes % 60, '分钟']] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return shown.length ? shown.join(' ') : '0 分钟';
}

export const LEVEL_LABELS: Readonly<Record<ReportingLevel, { 'zh-CN': string; en: string }>> = {
  county: { 'zh-CN': '县级监管部门', en: 'county-level regulator' },
  city: { 'zh-CN': '设区的市级监管部门', en: 'city-level regulator' },
  province: { 'zh-CN': '省级监管部门', en: 'provincial regulator' },
  state_council: { 'zh-CN': '国务院安全生产监督管理部门', en: "State Council's regulator" },
};

const HAZARD_EVENT_LABELS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  found: { 'zh-CN': '发现隐患', en: 'Hazard found' },
  assigned: { 'zh-CN': '交办整改', en: 'Assigned for rectification' },
  rectification_submitted: { 'zh-CN': '提交整改情况', en: 'Rectification submitted' },
  accepted: { 'zh-CN': '验收销号', en: 'Accepted and closed' },
  sent_back: { 'zh-CN': '退回重新整改', en: 'Sent back' },
  extension_requested: { 'zh-CN': '申请延期', en: 'Extension requested' },
  extension_approved: { 'zh-CN': '同意延期', en: 'Extension approved' },
  extension_rejected: { 'zh-CN': '不同意延期', en: 'Extension refused' },
  listed: { 'zh-CN': '挂牌督办', en: 'Listed for supervision' },
  escalated: { 'zh-CN': '逾期升级', en: 'Escalated as overdue' },
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const time = (value: unknown) => (typeof value === 'string' && value ? chinaTime(value) : '');

function hazardDetail(type: string, p: Record<string, unknown>): string | null {
  switch (type) {
    case 'found':
      return text(p.description) || null;
    case 'assigned':
      return `责任单位：${text(p.responsibleUnit)}；责任人：${text(p.responsiblePerson)}；整改期限：${time(p.deadline)}`;
    case 'rectification_submitted':
      return text(p.evidence) || null;
    case 'sent_back':
    case 'extension_rejected':
      return `理由：${text(p.reason)}`;
    case 'accepted':
      return text(p.note) || null;
    case 'extension_requested':
      return `申请延期至 ${time(p.requestedDeadline)}，理由：${text(p.reason)}`;
    case 'extension_approved':
      return `期限由 ${time(p.previousDeadline)} 延至 ${time(p.deadline)}`;
    case 'listed':
      return `${text(p.unitName)}挂牌督办`;
    case 'escalated':
      return `升级至 ${text(p.escalatedTo)}`;
    default:
      return null;
  }
}

const byTime = (a: EvidenceEvent, b: EvidenceEvent) => a.at.localeCompare(b.at);

/** A major hazard's steps, and the moment its deadline passed unmet. */
export function hazardEvidence(hazard: HazardDetail, now: Date): EvidencePack {
  const events: EvidenceEvent[] = hazard.events.map((event) => ({
    at: event.at,
    who: event.actorName ?? (event.actorKind === 'system' ? '系统' : null),
    what: HAZARD_EVENT_LABELS[event.type] ?? { 'zh-CN': event.type, en: event.type },
    detail: hazardDetail(event.type, event.payload),
    late: event.type === 'escalated',
  }));
  if (hazard.deadline !== null && new Date(hazard.deadline).getTime() < (hazard.closedAt ? new Date(hazard.closedAt) : now).getTime()) {
    const days = Math.floor(((hazard.closedAt ? new Date(hazard.closedAt) : now).getTime() - new Date(hazard.deadline).getTime()) / DAY_MS);
    events.push({
      at: hazard.deadline,
      who: hazard.responsibleUnit,
      what: { 'zh-CN': '整改期限届满未完成', en: 'Deadline passed unmet' },
      detail: `${hazard.closedAt ? '逾期' : '至今已逾期'} ${days} 天；当前状态：${HAZARD_STATUS_LABELS[hazard.status]['zh-CN']}${hazard.responsiblePerson ? `；责任人：${hazard.responsiblePerson}` : ''}`,
      late: true,
    });
  }
  return { title: `${hazard.enterpriseName}：${hazard.description}`, link: `/safety/hazards/${hazard.id}`, events: events.sort(byTime) };
}

function figures(f: { deaths: number; seriousInjuries: number; missing: number; directLossYuan: number }): string {
  return `死亡 ${f.deaths} 人，重伤 ${f.seriousInjuries} 人，失踪 ${f.missing} 人，直接经济损失 ${f.directLossYuan} 元`;
}

/** An accident from the occurrence through each level's report (on time or not) to the reply. */
export function accidentEvidence(accident: AccidentDetail): EvidencePack {
  const events: EvidenceEvent[] = [
    { at: accident.occurredAt, who: accident.enterpriseName, what: { 'zh-CN': '事故发生', en: 'Accident occurred' }, detail: `${accident.typeLabel['zh-CN']}，${accident.firstReported.gradeLabel['zh-CN']}；${figures(accident.firstReported)}`, late: false },
    { at: accident.learnedAt, who: accident.enterpriseName, what: { 'zh-CN': '单位获知事故，报告时钟起算', en: 'Unit learned of it; the reporting clock starts' }, detail: null, late: false },
    { at: accident.createdAt, who: accident.createdBy, what: { 'zh-CN': '录入平台', en: 'Logged in the platform' }, detail: accident.reporter ? `报告人：${maskName(accident.reporter)}` : null, late: false },
  ];
  for (const level of accident.reporting.levels) {
    const who = level.owedBy === 'unit' ? (accident.enterpriseName ?? '事故单位') : LEVEL_LABELS[level.owedBy]['zh-CN'];
    const to = LEVEL_LABELS[level.level];
    if (level.reportedAt !== null) {
      events.push({ at: level.reportedAt, who, what: { 'zh-CN': `报告至${to['zh-CN']}`, en: `Reported to the ${to.en}` }, detail: level.status === 'late' ? `超过时限 ${span(new Date(level.reportedAt).getTime() - new Date(level.dueAt).getTime())}` : '在时限内', late: level.status === 'late' });
    }
    if (level.status === 'late' || level.status === 'overdue') {
      events.push({ at: level.dueAt, who, what: { 'zh-CN': `向${to['zh-CN']}报告的期限届满`, en: `Deadline for the report to the ${to.en}` }, detail: level.status === 'overdue' ? '至今未报告' : null, late: true });
    }
  }
  for (const revision of accident.revisions.slice(1)) {
    events.push({ at: revision.recordedAt, who: revision.recordedBy, what: { 'zh-CN': `续报（第 ${revision.seq - 1} 次）`, en: `Supplementary report ${revision.seq - 1}` }, detail: `${figures(revision)}；${revision.gradeLabel['zh-CN']}${revision.reason ? `；${revision.reason}` : ''}`, late: false });
  }
  for (const extension of accident.investigation.extensions) {
    events.push({ at: extension.recordedAt, who: extension.recordedBy, what: { 'zh-CN': '调查期限延长', en: 'Investigation extended' }, detail: `${extension.days} 天，批准：${extension.approvedBy}；${extension.reason}`, late: false });
  }
  if (accident.investigation.submittedAt) events.push({ at: accident.investigation.submittedAt, who: null, what: { 'zh-CN': '提交事故调查报告', en: 'Investigation report submitted' }, detail: null, late: accident.investigation.status === 'late' });
  if (accident.reply.repliedAt) events.push({ at: accident.reply.repliedAt, who: null, what: { 'zh-CN': '政府批复', en: "Government's reply" }, detail: null, late: accident.reply.status === 'late' });
  const place = accident.enterpriseName ?? accident.regionName ?? accident.regionCode;
  return { title: `${place} ${chinaDayTime(accident.occurredAt).slice(0, 10)} ${accident.typeLabel['zh-CN']}（${accident.gradeLabel['zh-CN']}）`, link: `/safety/accidents/${accident.id}`, events: events.sort(byTime) };
}
