import { PlusOutlined } from '@ant-design/icons';
import type { LetterStatus } from '@shoutu/domain';
import { Button, Card, Col, Flex, InputNumber, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { CreateLetterDrawer } from './CreateLetterDrawer';
import { LetterStatusModal } from './LetterStatusModal';
import type { Letter, LetterChange } from './responsibility.types';
import { useLabel } from './useLabel';
import { useLetters, useLetterSummary } from './useResponsibility';

const STATUS_COLOURS: Record<LetterStatus, string> = { pending: 'warning', signed: 'success', returned: 'error' };
type Shown = 'unsigned' | 'all' | 'signed';

/** This year's responsibility letters (安全生产责任书): the signing tally and, first, the units that have not signed. */
export function LettersTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const canManage = usePermission('responsibility:manage');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [shown, setShown] = useState<Shown>('unsigned');
  const letters = useLetters({ year, ...(shown === 'all' ? {} : { status: shown }) });
  const summary = useLetterSummary(year);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<{ letter: Letter; to: LetterChange['status'] } | null>(null);
  const s = summary.data;

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="letters-summary">
        <Col>
          <Card size="small">
            <Statistic title={t('responsibility.letters.total')} value={s?.total ?? '—'} />
          </Card>
        </Col>
        <Col>
          <Card size="small">
            <Statistic title={t('responsibility.letters.signed')} value={s?.signed ?? '—'} styles={{ content: { color: '#389e0d' } }} />
          </Card>
        </Col>
        <Col>
          <Card size="small">
            <Statistic title={t('responsibility.letters.unsigned')} value={s ? s.pending + s.returned : '—'} styles={{ content: { color: '#cf1322' } }} />
          </Card>
        </Col>
        <Col>
          <Card size="small">
            <Statistic title={t('responsibility.letters.rate')} value={s?.signedRate ?? '—'} suffix={s?.signedRate === null ? undefined : '%'} />
          </Card>
        </Col>
      </Row>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <InputNumber min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} suffix={t('responsibility.letters.yearSuffix')} data-testid="letters-year" />
          <Segmented<Shown>
            value={shown}
            onChange={setShown}
            options={(['unsigned', 'signed', 'all'] as const).map((value) => ({ value, label: t(`responsibility.letters.show.${value}`) }))}
            data-testid="letters-shown"
          />
        </Space>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="letter-new">
            {t('responsibility.letters.new')}
          </Button>
        )}
      </Flex>
      <QueryError error={letters.error ?? summary.error} />
      <Table<Letter>
        rowKey="id"
        size="small"
        pagination={false}
        loading={letters.isLoading}
        dataSource={letters.items}
        data-testid="letters-table"
        columns={[
          { key: 'unit', title: t('responsibility.unit.title'), dataIndex: 'unitName' },
          { key: 'region', title: t('responsibility.unit.region'), render: (_, row) => <RegionName code={row.regionCode} /> },
          { key: 'issuer', title: t('responsibility.letters.issuer'), dataIndex: 'issuer' },
          { key: 'status', title: t('responsibility.letters.status'), render: (_, row) => <Tag color={STATUS_COLOURS[row.status]}>{label(row.statusLabel)}</Tag> },
          {
            key: 'detail',
            title: t('responsibility.letters.detail'),
            render: (_, row) =>
              row.status === 'signed' ? (
                t('responsibility.letters.signedDetail', { day: row.signedOn, signer: row.signerName ?? '' })
              ) : row.status === 'returned' ? (
                <Typography.Text type="danger">{row.returnedReason}</Typography.Text>
              ) : (
                ''
              ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: Letter) =>
                    row.status !== 'signed' && (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => setChanging({ letter: row, to: 'signed' })} data-testid={`letter-sign-${row.id}`}>
                          {t('responsibility.letters.sign')}
                        </Button>
                        {row.status === 'pending' ? (
                          <Button size="small" type="link" danger onClick={() => setChanging({ letter: row, to: 'returned' })}>
                            {t('responsibility.letters.return')}
                          </Button>
                        ) : (
                          <Button size="small" type="link" onClick={() => setChanging({ letter: row, to: 'pending' })}>
                            {t('responsibility.letters.reissue')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore hasMore={letters.hasMore} loading={letters.isLoadingMore} onLoadMore={letters.loadMore} testId="letters-load-more" />
      {creating && <CreateLetterDrawer year={year} onClose={() => setCreating(false)} />}
      {changing && <LetterStatusModal letter={changing.letter} to={changing.to} onClose={() => setChanging(null)} />}
    </>
  );
}
