import { DatePicker, Form, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { AccidentDetail } from './accidents.types';
import { toInstant } from './ReportAccidentDrawer';
import { useAccidentAction } from './useAccidentAction';

/** Asks for one date and time: when the investigation report was submitted, or when the government replied. */
export function InstantModal({ accident, title, field, label, action, onClose }: { accident: AccidentDetail; title: string; field: string; label: string; action: (at: string) => Promise<AccidentDetail>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ at: Dayjs }>();
  const save = useAccidentAction(accident.id, action);
  const showError = useApiError();
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': `${field}-submit` } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ at: dayjs() }} onFinish={(v) => save.mutate(toInstant(v.at), { onSuccess: onClose, onError: (error) => showError(error) })}>
        <Form.Item name="at" label={label} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid={`${field}-at`} placeholder={t('accidents.investigation.pickTime')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
