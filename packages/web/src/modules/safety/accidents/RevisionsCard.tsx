import { Button, Card, Space, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { AccidentDetail, Figures } from './accidents.types';
import { formatYuan } from './format';
import { GradeTag } from './GradeTag';

interface Row {
  key: 'deaths' | 'seriousInjuries' | 'missing' | 'directLossYuan' | 'grade';
}

/** Each figure "as first reported" beside "as now corrected", then the history of supplementary reports. */
export function RevisionsCard({ accident, canRevise, onRevise }: { accident: AccidentDetail; canRevise: boolean; onRevise: () => void }) {
  const { t } = useTranslation();
  const first = accident.firstReported;
  const show = (figures: Figures, key: Row['key']) =>
    key === 'grade' ? <GradeTag grade={figures.grade} /> : key === 'directLossYuan' ? formatYuan(figures.directLossYuan, t) : figures[key];
  const columns: TableColumnsType<Row> = [
    { key: 'figure', title: t('accidents.revisions.figure'), render: (_, row) => t(`accidents.field.${row.key}`) },
    { key: 'first', title: t('accidents.revisions.first'), render: (_, row) => <span data-testid={`revisions-first-${row.key}`}>{show(first, row.key)}</span> },
    {
      key: 'current',
      title: t('accidents.revisions.current'),
      render: (_, row) => {
        const changed = row.key === 'grade' ? first.grade !== accident.grade : first[row.key] !== accident[row.key];
        return (
          <Typography.Text strong={changed} type={changed ? 'danger' : undefined} data-testid={`revisions-current-${row.key}`}>
            {show(accident, row.key)}
          </Typography.Text>
        );
      },
    },
  ];
  const rows: Row[] = [{ key: 'deaths' }, { key: 'seriousInjuries' }, { key: 'missing' }, { key: 'directLossYuan' }, { key: 'grade' }];
  return (
    <Card
      title={t('accidents.revisions.title')}
      extra={
        canRevise &&
        (accident.supplementaryWindowOpen ? (
          <Button onClick={onRevise} data-testid="accident-revise">
            {t('accidents.revisions.add')}
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid="revisions-window-closed">
            {t('accidents.revisions.closed', { at: formatDateTime(accident.supplementaryWindowEndsAt) })}
          </Typography.Text>
        ))
      }
      data-testid="accident-revisions"
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {accident.supplementaryWindowOpen ? t('accidents.revisions.openUntil', { at: formatDateTime(accident.supplementaryWindowEndsAt) }) : t('accidents.revisions.windowRule')}
        </Typography.Text>
        <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="revisions-compare" />
        <Timeline
          data-testid="revisions-history"
          items={[...accident.revisions].reverse().map((r) => ({
            color: r.seq === 1 ? 'gray' : 'blue',
            content: (
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Typography.Text strong>{r.seq === 1 ? t('accidents.revisions.initial') : t('accidents.revisions.nth', { n: r.seq - 1 })}</Typography.Text>
                  <GradeTag grade={r.grade} />
                  <span>{t('accidents.revisions.summary', { deaths: r.deaths, injuries: r.seriousInjuries, missing: r.missing, loss: formatYuan(r.directLossYuan, t) })}</span>
                </Space>
                {r.reason && <Typography.Text type="secondary">{t('accidents.revisions.reason', { reason: r.reason })}</Typography.Text>}
                <Typography.Text type="secondary">
                  {formatDateTime(r.recordedAt)} {r.recordedBy ?? ''}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Space>
    </Card>
  );
}
