import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import type { ResponsibilityChain } from './responsibility.types';
import { useLabel } from './useLabel';
import { useResponsibilityChain } from './useResponsibility';

const LETTER_COLOURS = { pending: 'warning', signed: 'success', returned: 'error' } as const;

function Leaders({ region }: { region: ResponsibilityChain['regions'][number] }) {
  const { t } = useTranslation();
  if (region.leaders.length === 0) return <Typography.Text type="secondary">{t('responsibility.chain.noLeaders')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {region.leaders.map((leader) => (
        <Typography.Text key={leader.id} data-testid={`chain-leader-${leader.postKind}`}>
          {`${leader.postTitle}：${leader.name}`}
          {leader.phone && <Typography.Text type="secondary">{` ${leader.phone}`}</Typography.Text>}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * An enterprise's responsibility chain (责任链条) on its page: the supervising departments (监管责任),
 * the leaders of its community, town, district and city (属地责任), and the enterprise itself (主体责任).
 */
export function ResponsibilityChainCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const chain = useResponsibilityChain(enterpriseId);
  const c = chain.data;
  return (
    <Card
      title={
        <Space>
          <ApartmentOutlined />
          {t('responsibility.chain.title')}
        </Space>
      }
      loading={chain.isLoading}
      data-testid="responsibility-chain"
    >
      <QueryError error={chain.error} />
      {c && (
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={[
            {
              title: t('responsibility.chain.supervisors'),
              content: c.supervisors.length ? (
                <Space wrap>
                  {c.supervisors.map((unit) => (
                    <Tag key={unit.id}>{unit.name}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="danger">{t('responsibility.chain.noSupervisor')}</Typography.Text>
              ),
            },
            ...[...c.regions].reverse().map((region) => ({
              title: `${region.name ?? region.regionCode} · ${t(`responsibility.chain.level.${region.level}`, { defaultValue: region.level })}`,
              content: <Leaders region={region} />,
            })),
            {
              title: t('responsibility.chain.enterprise', { name: c.enterpriseName }),
              content: (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{t('responsibility.chain.principal', { name: c.enterprise.principalName ?? t('common.empty'), phone: c.enterprise.principalPhone ?? '' })}</Typography.Text>
                  <Typography.Text>{t('responsibility.chain.safetyOfficer', { name: c.enterprise.safetyOfficerName ?? t('common.empty'), phone: c.enterprise.safetyOfficerPhone ?? '' })}</Typography.Text>
                  <span>
                    {t('responsibility.chain.letter', { year: c.year })}{' '}
                    {c.letter ? <Tag color={LETTER_COLOURS[c.letter.status]} data-testid="chain-letter">{label(c.letter.statusLabel)}</Tag> : <Tag data-testid="chain-letter">{t('responsibility.chain.noLetter')}</Tag>}
                    {c.letter?.signedOn && <Typography.Text type="secondary">{c.letter.signedOn}</Typography.Text>}
                  </span>
                  <Typography.Text type="secondary">{c.dutyLists.length ? t('responsibility.chain.dutyLists', { posts: c.dutyLists.map((list) => list.post).join(t('common.listSeparator')) }) : t('responsibility.chain.noDutyLists')}</Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      )}
      {c && c.regions.every((region) => region.leaders.length === 0) && c.supervisors.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}
