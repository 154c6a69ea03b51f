import type { AccountabilityStatus } from '@shoutu/domain';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { accountabilityApi } from './accountability.api';
import type { AccountabilityRecordDetail, Decision } from './accountability.types';
import { DecisionFields } from './DecisionFields';
import { useAccountabilityMutation } from './useAccountability';

interface Values {
  status: AccountabilityStatus;
  measure?: Decision['measure'];
  decidedBy?: string;
  decidedOn?: Dayjs;
  statusNote?: string;
}

/** One step of a record (decided, dismissed, executed, revoked) over the version read. */
export function RecordStepModal({ record, to, onClose }: { record: AccountabilityRecordDetail; to: AccountabilityStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useAccountabilityMutation(({ id, body }: { id: string; body: Parameters<typeof accountabilityApi.update>[1] }) => accountabilityApi.update(id, body));
  const showError = useApiError();
  const deciding = record.status === 'investigating';

  const submit = (values: Values) =>
    update.mutate(
      {
        id: record.id,
        body: {
          version: record.version,
          status: to,
          ...(deciding && to === 'decided' ? { measure: values.measure ?? null } : {}),
          ...(deciding ? { decidedBy: values.decidedBy?.trim() ?? null, decidedOn: values.decidedOn?.format('YYYY-MM-DD') ?? null } : {}),
          ...(values.statusNote?.trim() ? { statusNote: values.statusNote.trim() } : {}),
        },
      },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );

  return (
    <Modal title={t(`accountability.step.${to}`)} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'record-step-ok' } as ButtonProps}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ status: to, decidedOn: dayjs() }}>
        {deciding ? <DecisionFields statuses={[to]} subjectKind={record.subjectKind} /> : <Form.Item name="status" hidden />}
        <Form.Item name="statusNote" label={t('accountability.record.statusNote')} rules={[{ required: to === 'revoked', whitespace: true, max: 1000 }]} extra={t(`accountability.step.noteHint.${to}`, { defaultValue: '' })}>
          <Input.TextArea rows={3} data-testid="record-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
