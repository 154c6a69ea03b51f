import { Form, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { useRecordAttendance } from './useTraining';

interface Props {
  sessionId: string;
  /** Whose row: the caller's own when absent. */
  userId?: string;
  name?: string | null;
  watchedMinutes: number;
  requiredMinutes: number;
  version: number;
  onClose: () => void;
}

/** Records all the minutes watched so far (a total, not an increment). */
export function RecordMinutesModal({ sessionId, userId, name, watchedMinutes, requiredMinutes, version, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ watchedMinutes: number }>();
  const record = useRecordAttendance(sessionId);
  const showError = useApiError();
  const submit = ({ watchedMinutes: minutes }: { watchedMinutes: number }) =>
    record.mutate({ version, watchedMinutes: minutes, ...(userId ? { userId } : {}) }, { onSuccess: onClose, onError: (error) => showError(error, form) });

  return (
    <Modal open title={name ? t('training.record.titleFor', { name }) : t('training.record.title')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: record.isPending, 'data-testid': 'record-submit' } as ButtonProps} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('training.record.hint', { required: requiredMinutes })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ watchedMinutes }} onFinish={submit}>
        <Form.Item name="watchedMinutes" label={t('training.record.minutes')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1440} precision={0} suffix={t('training.minutes')} style={{ width: 200 }} data-testid="record-minutes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
