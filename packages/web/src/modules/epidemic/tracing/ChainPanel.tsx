import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { CategoryTag } from '../persons/categories';
import { ChainGraph } from './ChainGraph';
import { RegisterContactDrawer } from './RegisterContactDrawer';
import type { ChainGraph as Chain, ChainNode } from './tracing.types';
import { useChain } from './useTracing';

function SelectedPerson({ node, onRegister }: { node: ChainNode; onRegister: (() => void) | null }) {
  const { t } = useTranslation();
  if (!node.visible) return <Alert type="warning" showIcon title={t('epidemicOps.tracing.outsideGroundHint')} />;
  return (
    <Descriptions size="small" column={1} bordered data-testid="chain-selected">
      <Descriptions.Item label={t('epidemicOps.field.name')}>
        <Link to={`/epidemic/persons/${node.id}`} data-testid="chain-selected-open">
          {node.name}
        </Link>
        {node.isIndexCase && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('epidemicOps.tracing.indexCase')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('epidemicOps.tracing.field.category')}>{node.category && <CategoryTag code={node.category} />}</Descriptions.Item>
      <Descriptions.Item label={t('epidemicOps.tracing.generation')}>{t('epidemicOps.tracing.generationN', { n: node.generation })}</Descriptions.Item>
      <Descriptions.Item label={t('epidemicOps.field.grid')}>{node.gridCode && <RegionName code={node.gridCode} />}</Descriptions.Item>
      <Descriptions.Item label={t('epidemicOps.tracing.firstDate')}>{node.firstDate ?? t('common.empty')}</Descriptions.Item>
      {onRegister && (
        <Descriptions.Item label={t('common.actions')}>
          <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={onRegister} data-testid="chain-register-contact">
            {t('epidemicOps.tracing.register.button')}
          </Button>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Growth({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4} data-testid="chain-growth">
      {chain.growth.map((g) => (
        <Tag key={g.date}>{t('epidemicOps.tracing.growthPoint', { date: g.date.slice(5), added: g.added, total: g.total })}</Tag>
      ))}
    </Flex>
  );
}

/** The chain of one person: figures, the graph, and the person selected in it. */
export function ChainPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chain = useChain(personId);
  const canManage = usePermission('persons:manage');
  const [selected, setSelected] = useState<string | null>(null);
  const [registering, setRegistering] = useState<ChainNode | null>(null);

  if (chain.isPending) return <Spin />;
  if (!chain.data) return <QueryError error={chain.error} />;
  const c = chain.data;
  const node = c.nodes.find((n) => n.id === (selected ?? c.focusPersonId)) ?? null;

  return (
    <Card title={t('epidemicOps.tracing.chainTitle')} data-testid="chain-card">
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('epidemicOps.tracing.size')} value={c.size} data-testid="chain-size" />
        <Statistic title={t('epidemicOps.tracing.generations')} value={c.generations} />
        <Statistic title={t('epidemicOps.tracing.exposures')} value={c.edges.length} />
      </Flex>
      {c.truncated && <Alert type="warning" showIcon title={t('epidemicOps.tracing.truncated', { n: c.nodes.length })} style={{ marginBottom: 12 }} />}
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '3 1 520px', minWidth: 0 }}>
          <ChainGraph chain={c} onSelect={setSelected} />
        </div>
        <Space orientation="vertical" style={{ flex: '1 1 260px' }}>
          <Typography.Text type="secondary">{t('epidemicOps.tracing.clickHint')}</Typography.Text>
          {node ? <SelectedPerson node={node} onRegister={canManage && node.visible ? () => setRegistering(node) : null} /> : <Empty />}
          <Typography.Title level={5}>{t('epidemicOps.tracing.growth')}</Typography.Title>
          <Growth chain={c} />
        </Space>
      </Flex>
      {registering && (
        <RegisterContactDrawer
          source={{ id: registering.id, name: registering.name ?? '' }}
          onClose={() => setRegistering(null)}
          onRegistered={(result) => {
            void message.success(
              t(result.personCreated ? 'epidemicOps.tracing.register.done' : 'epidemicOps.tracing.register.linked', {
                name: result.person.name,
                endDate: result.person.measurePlan?.endDate ?? t('epidemicOps.tracing.register.noEndDate'),
              }),
            );
            setRegistering(null);
            setSelected(result.person.id);
          }}
        />
      )}
    </Card>
  );
}
