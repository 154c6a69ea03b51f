import { MAX_INVESTIGATION_EXTENSION_DAYS } from '@shoutu/domain';
import { Form, Input, InputNumber, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { accidentsApi } from './accidents.api';
import type { AccidentDetail } from './accidents.types';
import { useAccidentAction } from './useAccidentAction';

interface Values {
  days: number;
  approvedBy: string;
  reason: string;
}

/** Art. 29: the investigation deadline extended with approval, at most 60 days in all. */
export function ExtensionModal({ accident, onClose }: { accident: AccidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const extend = useAccidentAction(accident.id, (body: Values) => accidentsApi.extendInvestigation(accident.id, body));
  const showError = useApiError();
  const left = MAX_INVESTIGATION_EXTENSION_DAYS - accident.investigation.extensionDays;
  return (
    <Modal open title={t('accidents.investigation.extend')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={extend.isPending} okButtonProps={{ 'data-testid': 'extension-submit' } as ButtonProps}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => extend.mutate(v, { onSuccess: onClose, onError: (error) => showError(error, form) })}>
        <Form.Item name="days" label={t('accidents.investigation.days')} extra={t('accidents.investigation.daysLeft', { days: left })} rules={[{ required: true }]}>
          <InputNumber min={1} max={left} precision={0} style={{ width: 160 }} data-testid="extension-days" />
        </Form.Item>
        <Form.Item name="approvedBy" label={t('accidents.investigation.approvedBy')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
          <Input data-testid="extension-approvedBy" />
        </Form.Item>
        <Form.Item name="reason" label={t('accidents.investigation.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
