import { HAZARD_SETTING_BOUNDS } from '@shoutu/domain';
import { Form, Input, InputNumber, Modal, Space, Switch, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { HazardSettings } from './hazards.types';
import { useSaveHazardSettings } from './useHazards';

type Values = Pick<HazardSettings, 'cityEscalationAfterDays' | 'acceptanceWait' | 'listing'>;

const LISTING_FIELDS = ['publishWithinWorkingDays', 'delistingPublishWithinWorkingDays', 'extensionRequestLeadWorkingDays', 'extensionDecisionWithinWorkingDays'] as const;

/** The hazard time limits of a city (or province) in the caller's ground: escalation, acceptance wait, 挂牌督办 limits. */
export function HazardSettingsModal({ current, regionCode, onClose }: { current: HazardSettings; regionCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveHazardSettings();
  const showError = useApiError();
  // Settings made for this very region carry their version; inherited ones or the defaults are replaced from 0.
  const version = current.regionCode === regionCode ? current.version : 0;
  const days = (name: (string | number)[], label: string, bounds: { min: number; max: number }, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={bounds.min} max={bounds.max} precision={0} style={{ width: 120 }} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t('hazards.settings.title', { region: regionCode })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'hazard-settings-submit' } as ButtonProps}
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('hazards.settings.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ cityEscalationAfterDays: current.cityEscalationAfterDays, acceptanceWait: current.acceptanceWait, listing: current.listing }}
        onFinish={(values) => save.mutate({ regionCode, version, ...values }, { onSuccess: onClose, onError: (error) => showError(error, form) })}
        data-testid="hazard-settings-form"
      >
        <Typography.Title level={5}>{t('hazards.settings.escalation')}</Typography.Title>
        {days(['cityEscalationAfterDays'], t('hazards.settings.cityEscalationAfterDays'), HAZARD_SETTING_BOUNDS.cityEscalationAfterDays, 'hazard-settings-city-days')}
        <Typography.Title level={5}>{t('hazards.settings.acceptanceWait')}</Typography.Title>
        <Space wrap>
          {days(['acceptanceWait', 'generalWorkingDays'], t('hazards.settings.generalWorkingDays'), HAZARD_SETTING_BOUNDS.acceptanceWaitWorkingDays, 'hazard-settings-general-wait')}
          {days(['acceptanceWait', 'majorWorkingDays'], t('hazards.settings.majorWorkingDays'), HAZARD_SETTING_BOUNDS.acceptanceWaitWorkingDays, 'hazard-settings-major-wait')}
        </Space>
        <Typography.Title level={5}>{t('hazards.settings.listing')}</Typography.Title>
        <Space wrap>
          {LISTING_FIELDS.map((field) => (
            <span key={field}>{days(['listing', field], t(`hazards.settings.${field}`), HAZARD_SETTING_BOUNDS.listingWorkingDays, `hazard-settings-${field}`)}</span>
          ))}
        </Space>
        <Form.Item name={['listing', 'source']} label={t('hazards.settings.source')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} data-testid="hazard-settings-source" />
        </Form.Item>
        <Form.Item name={['listing', 'verify']} label={t('hazards.settings.verify')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
