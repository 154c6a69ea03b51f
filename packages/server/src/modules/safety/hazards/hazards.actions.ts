import type { HazardAction, HazardActionType } from '@shoutu/domain';
import { AppError, fieldError } from '../../../http/errors.js';
import type { TransitionBody } from './hazards.schema.js';

type PayloadField = Exclude<keyof TransitionBody, 'action' | 'version'>;

/** The fields each step carries; any other field sent with it is refused rather than ignored. */
const FIELDS: Record<HazardActionType, readonly PayloadField[]> = {
  assign: ['responsibleUnit', 'responsiblePerson', 'deadline', 'governancePlan'],
  submit_rectification: ['evidence', 'photos'],
  accept: ['formal', 'assessmentReportRef', 'note'],
  send_back: ['reason'],
  request_extension: ['newDeadline', 'reason'],
  approve_extension: ['note'],
  reject_extension: ['reason'],
};

/**
 * The request body as the state machine's action. Missing text is passed as empty, so that the
 * machine answers with its own code (responsible_required, evidence_required, reason_required…).
 */
export function toHazardAction(body: TransitionBody): HazardAction {
  const allowed = FIELDS[body.action];
  const stray = (Object.keys(body) as Array<keyof TransitionBody>).filter((key) => key !== 'action' && key !== 'version' && !allowed.includes(key));
  if (stray.length > 0) throw new AppError('validation_failed', stray.map((field) => fieldError(field, 'unknown_field')));
  switch (body.action) {
    case 'assign':
      return { type: 'assign', responsibleUnit: body.responsibleUnit ?? '', responsiblePerson: body.responsiblePerson ?? '', deadline: body.deadline ?? '', governancePlan: body.governancePlan ?? null };
    case 'submit_rectification':
      return { type: 'submit_rectification', evidence: body.evidence ?? '', photos: body.photos ?? [] };
    case 'accept':
      return { type: 'accept', formal: body.formal ?? false, assessmentReportRef: body.assessmentReportRef ?? null, note: body.note ?? null };
    case 'send_back':
      return { type: 'send_back', reason: body.reason ?? '' };
    case 'request_extension':
      return { type: 'request_extension', newDeadline: body.newDeadline ?? '', reason: body.reason ?? '' };
    case 'approve_extension':
      return { type: 'approve_extension', note: body.note ?? null };
    case 'reject_extension':
      return { type: 'reject_extension', reason: body.reason ?? '' };
  }
}
