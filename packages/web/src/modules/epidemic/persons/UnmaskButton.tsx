import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { personsApi } from './persons.api';

/**
 * 查看完整信息: asks for a reason, then shows the full identifiers in this dialog only. They are
 * kept in component state, never in the query cache or browser storage, and dropped on close.
 */
export function UnmaskButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiError();
  const unmask = useMutation({ mutationFn: (reason: string) => personsApi.unmask(personId, reason) });

  const close = () => {
    setOpen(false);
    unmask.reset();
    form.resetFields();
  };

  const shown = unmask.data;
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="person-unmask">
        {t('epidemic.persons.unmask.button')}
      </Button>
      <Modal
        title={t('epidemic.persons.unmask.title')}
        open={open}
        onCancel={close}
        destroyOnHidden
        footer={
          shown ? (
            <Button onClick={close} data-testid="person-unmask-close">
              {t('epidemic.persons.unmask.close')}
            </Button>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" danger loading={unmask.isPending} onClick={() => form.submit()} data-testid="person-unmask-submit">
                {t('epidemic.persons.unmask.submit')}
              </Button>
            </>
          )
        }
      >
        {shown ? (
          <>
            <Typography.Paragraph type="secondary">{t('epidemic.persons.unmask.shown')}</Typography.Paragraph>
            <Descriptions column={1} bordered size="small" data-testid="person-unmasked">
              <Descriptions.Item label={t('epidemic.persons.field.name')}>{shown.name}</Descriptions.Item>
              <Descriptions.Item label={t('epidemic.persons.field.idNumber')}>
                <Typography.Text code>{shown.idNumber}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('epidemic.persons.field.phone')}>{shown.phone}</Descriptions.Item>
              <Descriptions.Item label={t('epidemic.persons.field.address')}>{shown.address ?? t('common.empty')}</Descriptions.Item>
            </Descriptions>
          </>
        ) : (
          <>
            <Alert type="warning" showIcon title={t('epidemic.persons.unmask.warning')} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" onFinish={({ reason }) => unmask.mutate(reason.trim(), { onError: (error) => showError(error, form) })}>
              <Form.Item name="reason" label={t('epidemic.persons.unmask.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('epidemic.persons.unmask.reasonRequired') }]}>
                <Input.TextArea rows={2} placeholder={t('epidemic.persons.unmask.reasonPlaceholder')} data-testid="person-unmask-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
