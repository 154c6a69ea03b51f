import { Form, Input, InputNumber, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { ThresholdsInForce } from './risks.types';
import { useRiskWrites } from './useRisks';

type Values = Pick<ThresholdsInForce, 'source' | 'lec' | 'ls'>;

/** The bands of a city (or province) in the caller's ground, with the document they come from. */
export function ThresholdsModal({ current, regionCode, onClose }: { current: ThresholdsInForce; regionCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const writes = useRiskWrites();
  const showError = useApiError();
  // Bands set for this very region carry their version; bands inherited or the defaults are replaced from 0.
  const version = current.regionCode === regionCode ? current.version : 0;
  const bands = (method: 'lec' | 'ls') => (
    <Space wrap>
      {(['red', 'orange', 'yellow'] as const).map((level) => (
        <Form.Item key={level} name={[method, level]} label={t(`hazards.risks.thresholds.${level}`)} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 120 }} data-testid={`thresholds-${method}-${level}`} />
        </Form.Item>
      ))}
    </Space>
  );
  return (
    <Modal
      open
      title={t('hazards.risks.thresholds.title', { region: regionCode })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: writes.saveThresholds.isPending, 'data-testid': 'thresholds-submit' } as ButtonProps}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('hazards.risks.thresholds.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: current.source, lec: current.lec, ls: current.ls }}
        onFinish={(values) => writes.saveThresholds.mutate({ regionCode, version, ...values }, { onSuccess: onClose, onError: (error) => showError(error, form) })}
      >
        {(['lec', 'ls'] as const).map((method) => (
          <div key={method}>
            <Typography.Title level={5}>{t(`hazards.risks.method.${method === 'lec' ? 'LEC' : 'LS'}`)}</Typography.Title>
            {bands(method)}
          </div>
        ))}
        <Form.Item name="source" label={t('hazards.risks.thresholds.sourceLabel')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} data-testid="thresholds-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
