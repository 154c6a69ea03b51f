import { PlusOutlined } from '@ant-design/icons';
import { CERTIFICATE_KIND_LABELS } from '@shoutu/domain';
import { Button, Card, Col, Input, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiError } from '../../../app/api/useApiError';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useMe } from '../../auth/hooks/useMe';
import { usePermission } from '../../auth/hooks/usePermission';
import { CertificateChangeModal } from './CertificateChangeModal';
import { CertificateFilters } from './CertificateFilters';
import { CertificateFormDrawer } from './CertificateFormDrawer';
import { CertificateStatusTag } from './CertificateStatusTag';
import { useLabel } from './labels';
import { trainingApi } from './training.api';
import type { Certificate, CertificateFilter } from './training.types';
import { useCertificateAlerts, useCertificates } from './useTraining';

function filterFrom(params: URLSearchParams): CertificateFilter {
  const filter: CertificateFilter = {};
  const status = params.get('status');
  if (status === 'valid' || status === 'expiring' || status === 'expired') filter.status = status;
  const kind = params.get('kind');
  if (kind === 'principal' || kind === 'safety_manager' || kind === 'special_operation') filter.kind = kind;
  const enterpriseId = params.get('enterpriseId');
  if (enterpriseId) filter.enterpriseId = enterpriseId;
  const regionCode = params.get('regionCode');
  if (regionCode && /^(\d{6}|\d{9}|\d{12})$/.test(regionCode)) filter.regionCode = regionCode;
  return filter;
}

/** Expiring and expired at a glance; each figure filters the list. */
function AlertCounts({ onPick }: { onPick: (status: 'expiring' | 'expired') => void }) {
  const { t } = useTranslation();
  const alerts = useCertificateAlerts();
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="certificate-alerts">
      <Col xs={12} md={6}>
        <Card hoverable onClick={() => onPick('expiring')} data-testid="certificate-alerts-expiring">
          <Statistic title={t('training.certificates.expiringCount', { days: alerts.data?.windowDays ?? 90 })} value={alerts.data?.expiring ?? '—'} styles={{ content: { color: '#d46b08' } }} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card hoverable onClick={() => onPick('expired')} data-testid="certificate-alerts-expired">
          <Statistic title={t('training.certificates.expiredCount')} value={alerts.data?.expired ?? '—'} styles={{ content: { color: '#cf1322' } }} />
        </Card>
      </Col>
    </Row>
  );
}

export default function CertificatesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useMe();
  const ownEnterprise = Boolean(me?.ground.enterpriseId);
  const canManage = usePermission('certificates:manage');
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const certificates = useCertificates(filter);
  const showError = useApiError();
  const [found, setFound] = useState<Certificate[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Certificate | null>(null);

  const applyFilter = (next: CertificateFilter) => {
    setFound(null);
    setParams(Object.fromEntries(Object.entries(next).map(([key, value]) => [key, String(value)])));
  };
  // The ID number goes in a POST body, never the address (decision 0009).
  const search = (idNumber: string) => {
    if (!idNumber.trim()) return setFound(null);
    trainingApi.searchCertificates(idNumber.trim()).then((result) => setFound(result.items), (error: unknown) => showError(error));
  };
  const rows = found ?? certificates.items;

  return (
    <>
      <PageHeader
        title={t('training.certificates.title')}
        description={t('training.certificates.description')}
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="certificate-add">
              {t('training.certificates.add')}
            </Button>
          )
        }
      />
      <AlertCounts onPick={(status) => applyFilter({ ...filter, status })} />
      <Card>
        <CertificateFilters key={params.toString()} initial={filter} onChange={applyFilter} showOwner={!ownEnterprise} />
        <Input.Search allowClear placeholder={t('training.certificates.searchId')} onSearch={search} style={{ maxWidth: 360, marginBottom: 16 }} autoComplete="off" data-testid="certificates-search-id" />
        {found && (
          <Typography.Paragraph type="secondary">
            {t('training.certificates.found', { n: found.length })} <Typography.Link onClick={() => setFound(null)}>{t('training.certificates.clearSearch')}</Typography.Link>
          </Typography.Paragraph>
        )}
        <QueryError error={certificates.error} />
        <Table<Certificate>
          rowKey="id"
          loading={certificates.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1340 }}
          data-testid="certificates-table"
          columns={[
            { title: t('training.certificate.holderName'), dataIndex: 'holderName', width: 110, fixed: 'left', render: (name: string, c) => <>{name} {c.isDemo && <Tag>{t('training.demo')}</Tag>}</> },
            { title: t('training.certificate.status'), key: 'status', width: 190, render: (_, c) => <CertificateStatusTag certificate={c} /> },
            {
              title: t('training.certificate.kind'),
              dataIndex: 'kind',
              width: 220,
              render: (kind: Certificate['kind'], c) => (
                <Tooltip title={label(CERTIFICATE_KIND_LABELS[kind])}>
                  {t(`training.kindShort.${kind}`)}
                  {c.operationType && <Typography.Text type="secondary">（{c.operationType}）</Typography.Text>}
                </Tooltip>
              ),
            },
            { title: t('training.certificate.owner'), dataIndex: 'ownerName', width: 200, ellipsis: true },
            { title: t('training.certificate.holderIdNumber'), dataIndex: 'holderIdNumber', width: 180 },
            { title: t('training.certificate.expiresOn'), dataIndex: 'expiresOn', width: 110 },
            { title: t('training.certificate.reviewDueOn'), dataIndex: 'reviewDueOn', width: 110, render: (date: string | null) => date ?? t('common.empty') },
            { title: t('training.certificate.issuedOn'), dataIndex: 'issuedOn', width: 110 },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, c: Certificate) => (
                      <Button size="small" onClick={() => setChanging(c)}>
                        {c.kind === 'special_operation' ? t('training.certificates.review') : t('training.certificates.renew')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {!found && <LoadMore hasMore={certificates.hasMore} loading={certificates.isLoadingMore} onLoadMore={certificates.loadMore} testId="certificates-load-more" />}
      </Card>
      {adding && <CertificateFormDrawer ownEnterprise={ownEnterprise} onClose={() => setAdding(false)} />}
      {changing && <CertificateChangeModal certificate={changing} onClose={() => setChanging(null)} />}
    </>
  );
}
