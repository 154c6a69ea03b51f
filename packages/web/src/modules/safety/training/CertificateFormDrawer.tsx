import { useQuery } from '@tanstack/react-query';
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS, certificateRuleFor, defaultCertificateDates, validateResidentId } from '@shoutu/domain';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import type { Page } from '../../../app/api/page';
import { useApiError } from '../../../app/api/useApiError';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from './labels';
import type { CertificateKind } from './training.types';
import { useCreateCertificate } from './useTraining';

interface Values {
  kind: CertificateKind;
  holderName: string;
  holderIdNumber: string;
  certificateNo?: string;
  operationType?: string;
  issuingAuthority?: string;
  issuedOn: Dayjs;
  expiresOn?: Dayjs | null;
  reviewDueOn?: Dayjs | null;
  enterpriseId?: string | null;
  unitId?: string;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** The rule the dates default to, with its source and whether it awaits checking. */
function RuleNote({ kind, issuedOn }: { kind: CertificateKind; issuedOn: string | undefined }) {
  const { t } = useTranslation();
  if (!issuedOn) return null;
  const rule = certificateRuleFor(kind, issuedOn);
  const dates = defaultCertificateDates(kind, issuedOn);
  if (!rule || !dates) return <Alert type="warning" showIcon title={t('training.certificate.noRule')} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="certificate-rule"
      title={t('training.certificate.ruleDefaults', { expires: dates.expiresOn, review: dates.reviewDueOn ?? t('common.empty') })}
      description={`${rule.source}${rule.verify ? ` ${t('training.certificate.verify')}` : ''}`}
    />
  );
}

/** Records a certificate; the dates may be left to the rule in force on the issue day. */
export function CertificateFormDrawer({ ownEnterprise, onClose }: { ownEnterprise: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateCertificate();
  const showError = useApiError();
  const [owner, setOwner] = useState<'enterprise' | 'unit'>('enterprise');
  const kind = Form.useWatch('kind', form) ?? 'principal';
  const issuedOn = day(Form.useWatch('issuedOn', form));
  const units = useQuery({ queryKey: ['training', 'units'], queryFn: () => api<Page<{ id: string; name: string }>>('/units', { query: { limit: 200 } }), enabled: !ownEnterprise && owner === 'unit' });

  const submit = (values: Values) =>
    create.mutate(
      {
        kind: values.kind,
        holderName: values.holderName.trim(),
        holderIdNumber: values.holderIdNumber.trim(),
        certificateNo: values.certificateNo?.trim() || null,
        operationType: values.operationType?.trim() || null,
        issuingAuthority: values.issuingAuthority?.trim() || null,
        issuedOn: day(values.issuedOn)!,
        ...(values.expiresOn ? { expiresOn: day(values.expiresOn)! } : {}),
        ...(values.reviewDueOn ? { reviewDueOn: day(values.reviewDueOn)! } : {}),
        ...(ownEnterprise ? {} : owner === 'enterprise' ? { enterpriseId: values.enterpriseId ?? undefined } : { unitId: values.unitId }),
      },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('training.certificates.add')}
      open
      onClose={onClose}
      size={600}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="certificate-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'principal' }} autoComplete="off" data-testid="certificate-form">
        {!ownEnterprise && (
          <>
            <Form.Item label={t('training.certificate.owner')}>
              <Radio.Group value={owner} onChange={(e) => setOwner(e.target.value)} options={(['enterprise', 'unit'] as const).map((o) => ({ value: o, label: t(`training.certificate.ownerKind.${o}`) }))} />
            </Form.Item>
            {owner === 'enterprise' ? (
              <Form.Item name="enterpriseId" label={t('training.certificate.enterprise')} rules={[{ required: true }]}>
                <EnterpriseSelect data-testid="certificate-enterprise" />
              </Form.Item>
            ) : (
              <Form.Item name="unitId" label={t('training.certificate.unit')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isLoading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="kind" label={t('training.certificate.kind')} rules={[{ required: true }]}>
          <Select options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: label(CERTIFICATE_KIND_LABELS[k]) }))} data-testid="certificate-kind" />
        </Form.Item>
        <Form.Item name="operationType" label={t(kind === 'special_operation' ? 'training.certificate.operationType' : 'training.certificate.post')} rules={[{ required: kind === 'special_operation', whitespace: true, max: 50 }]}>
          <Input data-testid="certificate-operation" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="holderName" label={t('training.certificate.holderName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input data-testid="certificate-holder-name" />
          </Form.Item>
          <Form.Item
            name="holderIdNumber"
            label={t('training.certificate.holderIdNumber')}
            rules={[{ required: true }, { validator: async (_, value: string | undefined) => (value && !validateResidentId(value).ok ? Promise.reject(new Error(t('training.certificate.badId'))) : undefined) }]}
          >
            <Input style={{ width: 240 }} autoComplete="off" data-testid="certificate-holder-id" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="certificateNo" label={t('training.certificate.number')} rules={[{ max: 50 }]}>
            <Input style={{ width: 240 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="issuingAuthority" label={t('training.certificate.authority')} rules={[{ max: 100 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="issuedOn" label={t('training.certificate.issuedOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="certificate-issued" />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('training.certificate.expiresOn')}>
            <DatePicker placeholder={t('training.certificate.byRule')} />
          </Form.Item>
          {kind === 'special_operation' && (
            <Form.Item name="reviewDueOn" label={t('training.certificate.reviewDueOn')}>
              <DatePicker placeholder={t('training.certificate.byRule')} />
            </Form.Item>
          )}
        </Space>
        <RuleNote kind={kind} issuedOn={issuedOn} />
      </Form>
    </Drawer>
  );
}
