import { DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { Certificate, CertificateChange } from './training.types';
import { useUpdateCertificate } from './useTraining';

interface Values {
  reviewedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  issuingAuthority?: string;
}

/** Records a review (复审) passed or a renewed expiry, over the version read. */
export function CertificateChangeModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCertificate();
  const showError = useApiError();
  const submit = (values: Values) => {
    const body: CertificateChange = { version: certificate.version };
    if (values.reviewedOn) body.reviewedOn = values.reviewedOn.format('YYYY-MM-DD');
    if (values.expiresOn && values.expiresOn.format('YYYY-MM-DD') !== certificate.expiresOn) body.expiresOn = values.expiresOn.format('YYYY-MM-DD');
    if ((values.issuingAuthority ?? '') !== (certificate.issuingAuthority ?? '')) body.issuingAuthority = values.issuingAuthority?.trim() || null;
    update.mutate({ id: certificate.id, body }, { onSuccess: onClose, onError: (error) => showError(error, form) });
  };
  return (
    <Modal open title={t('training.certificates.change', { holder: certificate.holderName })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: update.isPending, 'data-testid': 'certificate-change-submit' } as ButtonProps} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ expiresOn: dayjs(certificate.expiresOn), issuingAuthority: certificate.issuingAuthority ?? undefined }}>
        {certificate.kind === 'special_operation' && (
          <Form.Item name="reviewedOn" label={t('training.certificate.reviewedOn')} extra={t('training.certificate.reviewedHint')}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="expiresOn" label={t('training.certificate.expiresOn')} extra={t('training.certificate.renewHint')}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="issuingAuthority" label={t('training.certificate.authority')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Typography.Text type="secondary">{t('training.certificate.holderFixed')}</Typography.Text>
      </Form>
    </Modal>
  );
}
