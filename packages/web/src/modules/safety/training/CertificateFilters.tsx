import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS, CERTIFICATE_STATUS_LABELS, CERTIFICATE_STATUSES } from '@shoutu/domain';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../../app/layout/FilterActions';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from './labels';
import type { CertificateFilter } from './training.types';

interface Values {
  status?: CertificateFilter['status'];
  kind?: CertificateFilter['kind'];
  enterpriseId?: string | null;
  regionCode?: string;
}

/** Status (expiring, expired), kind, enterprise and region subtree. */
export function CertificateFilters({ initial, onChange, showOwner }: { initial: CertificateFilter; onChange: (filter: CertificateFilter) => void; showOwner: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) =>
    onChange({
      ...(values.status ? { status: values.status } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    });
  return (
    <Form<Values> form={form} layout="inline" initialValues={initial} onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }} data-testid="certificates-filters">
      <Form.Item name="status" label={t('training.certificate.status')}>
        <Select allowClear style={{ width: 120 }} options={CERTIFICATE_STATUSES.map((s) => ({ value: s, label: label(CERTIFICATE_STATUS_LABELS[s]) }))} data-testid="certificates-filter-status" />
      </Form.Item>
      <Form.Item name="kind" label={t('training.certificate.kind')}>
        <Select allowClear style={{ width: 220 }} popupMatchSelectWidth={false} options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: label(CERTIFICATE_KIND_LABELS[k]) }))} data-testid="certificates-filter-kind" />
      </Form.Item>
      {showOwner && (
        <>
          <Form.Item name="enterpriseId" label={t('training.certificate.enterprise')}>
            <EnterpriseSelect style={{ width: 220 }} data-testid="certificates-filter-enterprise" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('training.certificate.region')} style={{ minWidth: 260 }}>
            <RegionTreeSelect single data-testid="certificates-filter-region" />
          </Form.Item>
        </>
      )}
      <FilterActions
        testId="certificates"
        onReset={() => {
          form.resetFields();
          form.setFieldsValue({ status: undefined, kind: undefined, enterpriseId: undefined, regionCode: undefined });
          onChange({});
        }}
      />
    </Form>
  );
}
