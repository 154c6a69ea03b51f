import { Button, Drawer, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { responsibilityApi } from './responsibility.api';
import type { UnitInput } from './responsibility.types';
import { UnitFields } from './UnitFields';
import { useResponsibilityMutation } from './useResponsibility';

type Values = UnitInput & { year: number; issuer: string; title?: string };

/** Issues a unit's responsibility letter of a year; it waits for the signing. */
export function CreateLetterDrawer({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useResponsibilityMutation(responsibilityApi.createLetter);
  const showError = useApiError();
  const submit = (values: Values) => create.mutate({ ...values, issuer: values.issuer.trim(), ...(values.title?.trim() ? { title: values.title.trim() } : {}) }, { onSuccess: onClose, onError: (error) => showError(error, form) });

  return (
    <Drawer
      title={t('responsibility.letters.new')}
      open
      onClose={onClose}
      size={520}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="letter-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ year }}>
        <Form.Item name="year" label={t('responsibility.letters.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <UnitFields />
        <Form.Item name="issuer" label={t('responsibility.letters.issuer')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]} extra={t('responsibility.letters.issuerHint')}>
          <Input data-testid="letter-issuer" />
        </Form.Item>
        <Form.Item name="title" label={t('responsibility.letters.title')} rules={[{ max: 200 }]} extra={t('responsibility.letters.titleHint', { year })}>
          <Input />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
