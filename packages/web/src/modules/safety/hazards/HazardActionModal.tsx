import { GOVERNANCE_PLAN_PART_LABELS, GOVERNANCE_PLAN_PARTS } from '@shoutu/domain';
import { Alert, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { HazardActionType, HazardDetail, HazardTransition } from './hazards.types';
import { PhotoUpload } from './PhotoUpload';
import { useHazardStep } from './useHazards';
import { useLabel } from './useLabel';

/** The steps a button can open: the state machine's actions and the supervision listing. */
export type HazardStep = HazardActionType | 'list';

interface Values {
  responsibleUnit?: string;
  responsiblePerson?: string;
  deadline?: Dayjs;
  newDeadline?: Dayjs;
  governancePlan?: Record<string, string>;
  evidence?: string;
  photos?: string[];
  assessmentReportRef?: string;
  note?: string;
  reason?: string;
}

const trimmed = (value: string | undefined) => value?.trim() ?? '';

/** The body of the step from the form: only the step's own fields (the server refuses any other). */
function toTransition(action: HazardActionType, version: number, values: Values, major: boolean): HazardTransition {
  switch (action) {
    case 'assign':
      return {
        action,
        version,
        responsibleUnit: trimmed(values.responsibleUnit),
        responsiblePerson: trimmed(values.responsiblePerson),
        deadline: values.deadline?.toISOString() ?? '',
        ...(major ? { governancePlan: values.governancePlan ?? {} } : {}),
      };
    case 'submit_rectification':
      return { action, version, evidence: trimmed(values.evidence), photos: values.photos ?? [] };
    case 'accept':
      return { action, version, ...(major ? { formal: true, assessmentReportRef: trimmed(values.assessmentReportRef) } : {}), ...(trimmed(values.note) ? { note: trimmed(values.note) } : {}) };
    case 'approve_extension':
      return { action, version, ...(trimmed(values.note) ? { note: trimmed(values.note) } : {}) };
    case 'request_extension':
      return { action, version, newDeadline: values.newDeadline?.toISOString() ?? '', reason: trimmed(values.reason) };
    case 'send_back':
    case 'reject_extension':
      return { action, version, reason: trimmed(values.reason) };
  }
}

const beforeToday = (current: Dayjs) => current.isBefore(dayjs(), 'day');

/** One form per step; mounted while open. The server (the domain's state machine) has the last word. */
export function HazardActionModal({ hazard, step, onClose, onDone }: { hazard: HazardDetail; step: HazardStep; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const steps = useHazardStep(hazard.id);
  const showError = useApiError();
  const major = hazard.grade === 'major';
  const pending = steps.transition.isPending || steps.list.isPending;

  const submit = (values: Values) => {
    const handlers = { onSuccess: onDone, onError: (error: unknown) => showError(error, form) };
    if (step === 'list') steps.list.mutate({ version: hazard.version, ...(trimmed(values.note) ? { note: trimmed(values.note) } : {}) }, handlers);
    else steps.transition.mutate(toTransition(step, hazard.version, values, major), handlers);
  };

  const required = [{ required: true, whitespace: true }];
  return (
    <Modal
      open
      title={t(`hazards.action.${step}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`hazards.action.${step}`)}
      okButtonProps={{ loading: pending, 'data-testid': 'hazard-action-submit' } as ButtonProps}
      width={step === 'assign' && major ? 720 : 520}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" data-testid={`hazard-action-form-${step}`}>
        {step === 'assign' && (
          <>
            <Form.Item name="responsibleUnit" label={t('hazards.form.responsibleUnit')} rules={[...required, { max: 100 }]}>
              <Input data-testid="hazard-form-responsibleUnit" />
            </Form.Item>
            <Form.Item name="responsiblePerson" label={t('hazards.form.responsiblePerson')} rules={[...required, { max: 50 }]}>
              <Input data-testid="hazard-form-responsiblePerson" />
            </Form.Item>
            <Form.Item name="deadline" label={t('hazards.form.deadline')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={beforeToday} style={{ width: '100%' }} data-testid="hazard-form-deadline" />
            </Form.Item>
            {major && (
              <>
                <Alert type="warning" showIcon title={t('hazards.form.planRequired')} style={{ marginBottom: 16 }} />
                {GOVERNANCE_PLAN_PARTS.map((part) => (
                  <Form.Item key={part} name={['governancePlan', part]} label={label(GOVERNANCE_PLAN_PART_LABELS[part])} rules={[...required, { max: 4000 }]}>
                    <Input.TextArea rows={2} data-testid={`hazard-form-plan-${part}`} />
                  </Form.Item>
                ))}
              </>
            )}
          </>
        )}
        {step === 'submit_rectification' && (
          <>
            <Form.Item name="evidence" label={t('hazards.form.evidence')} rules={[...required, { max: 4000 }]}>
              <Input.TextArea rows={4} data-testid="hazard-form-evidence" />
            </Form.Item>
            <Form.Item name="photos" label={t('hazards.form.photos')} extra={t('hazards.photos.hint')}>
              <PhotoUpload hazardId={hazard.id} data-testid="hazard-form-photos" />
            </Form.Item>
          </>
        )}
        {step === 'accept' && major && (
          <>
            <Alert type="info" showIcon title={t('hazards.form.formalAcceptance')} style={{ marginBottom: 16 }} />
            <Form.Item name="assessmentReportRef" label={t('hazards.form.assessmentReportRef')} rules={[...required, { max: 200 }]}>
              <Input data-testid="hazard-form-assessmentReportRef" />
            </Form.Item>
          </>
        )}
        {step === 'request_extension' && (
          <>
            {hazard.listing?.extensionRequestLatestAt && <Alert type="info" showIcon title={t('hazards.form.extensionLead', { at: dayjs(hazard.listing.extensionRequestLatestAt).format('YYYY-MM-DD HH:mm') })} style={{ marginBottom: 16 }} />}
            <Form.Item name="newDeadline" label={t('hazards.form.newDeadline')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={beforeToday} style={{ width: '100%' }} data-testid="hazard-form-newDeadline" />
            </Form.Item>
          </>
        )}
        {(step === 'send_back' || step === 'request_extension' || step === 'reject_extension') && (
          <Form.Item name="reason" label={t('hazards.form.reason')} rules={[...required, { max: 1000 }]}>
            <Input.TextArea rows={3} data-testid="hazard-form-reason" />
          </Form.Item>
        )}
        {step === 'approve_extension' && hazard.pendingExtension && (
          <Alert type="info" showIcon title={t('hazards.form.pendingExtension', { deadline: dayjs(hazard.pendingExtension.requestedDeadline).format('YYYY-MM-DD HH:mm'), reason: hazard.pendingExtension.reason })} style={{ marginBottom: 16 }} />
        )}
        {(step === 'accept' || step === 'approve_extension' || step === 'list') && (
          <Form.Item name="note" label={t('hazards.form.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={3} data-testid="hazard-form-note" />
          </Form.Item>
        )}
        {step === 'list' && <Alert type="info" showIcon title={t('hazards.form.listingHint')} />}
      </Form>
    </Modal>
  );
}
