import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { formatDateTime } from '../../../app/formatDateTime';
import { QueryError } from '../../../app/layout/QueryError';
import { checkpointKeys, checkpointsApi } from './checkpoints.api';
import type { DeviceToken, IssuedDeviceToken } from './checkpoints.types';

/** 闸机令牌: the API tokens of the checkpoint's gate devices; a new token is shown once. */
export function DeviceTokensCard({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: checkpointKeys.tokens(checkpointId), queryFn: () => checkpointsApi.tokens(checkpointId) });
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedDeviceToken | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: checkpointKeys.tokens(checkpointId) });
  const issue = useMutation({
    mutationFn: (name: string) => checkpointsApi.issueToken(checkpointId, name),
    onSuccess: (answer) => {
      setIssuing(false);
      setIssued(answer);
      refresh();
    },
    onError: (error) => showError(error),
  });
  const revoke = useMutation({ mutationFn: (tokenId: string) => checkpointsApi.revokeToken(checkpointId, tokenId), onSuccess: refresh, onError: (error) => showError(error) });

  const columns: TableColumnsType<DeviceToken> = [
    { key: 'name', title: t('epidemicOps.checkpoints.tokens.name'), dataIndex: 'name' },
    { key: 'created', title: t('epidemicOps.checkpoints.tokens.createdAt'), render: (_, token) => formatDateTime(token.createdAt) },
    { key: 'used', title: t('epidemicOps.checkpoints.tokens.lastUsedAt'), render: (_, token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('epidemicOps.checkpoints.tokens.neverUsed')) },
    {
      key: 'state',
      title: t('epidemicOps.checkpoints.tokens.state'),
      render: (_, token) => (token.revokedAt ? <Tag>{t('epidemicOps.checkpoints.tokens.revoked', { at: formatDateTime(token.revokedAt) })}</Tag> : <Tag color="success">{t('epidemicOps.checkpoints.tokens.active')}</Tag>),
    },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm title={t('epidemicOps.checkpoints.tokens.revokeConfirm', { name: token.name })} onConfirm={() => revoke.mutate(token.id)}>
            <Button size="small" danger data-testid={`token-revoke-${token.id}`}>
              {t('epidemicOps.checkpoints.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('epidemicOps.checkpoints.tokens.title')}
      extra={
        <Button icon={<KeyOutlined />} onClick={() => setIssuing(true)} data-testid="token-issue">
          {t('epidemicOps.checkpoints.tokens.issue')}
        </Button>
      }
      data-testid="device-tokens"
    >
      <Typography.Paragraph type="secondary">{t('epidemicOps.checkpoints.tokens.hint')}</Typography.Paragraph>
      <QueryError error={tokens.error} />
      <Table<DeviceToken> rowKey="id" size="small" columns={columns} dataSource={tokens.data?.items ?? []} loading={tokens.isLoading} pagination={false} locale={{ emptyText: t('epidemicOps.checkpoints.tokens.empty') }} />
      {issuing && (
        <Modal open title={t('epidemicOps.checkpoints.tokens.issue')} onCancel={() => setIssuing(false)} footer={null} destroyOnHidden>
          <Form layout="vertical" onFinish={(values: { name: string }) => issue.mutate(values.name)} data-testid="token-form">
            <Form.Item name="name" label={t('epidemicOps.checkpoints.tokens.name')} rules={[{ required: true, min: 2, max: 40, message: t('epidemicOps.checkpoints.tokens.nameRule') }]}>
              <Input placeholder={t('epidemicOps.checkpoints.tokens.namePlaceholder')} data-testid="token-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending} data-testid="token-submit">
              {t('epidemicOps.checkpoints.tokens.issue')}
            </Button>
          </Form>
        </Modal>
      )}
      {issued && (
        <Modal open title={t('epidemicOps.checkpoints.tokens.issuedTitle', { name: issued.name })} onCancel={() => setIssued(null)} footer={<Button onClick={() => setIssued(null)}>{t('epidemicOps.checkpoints.tokens.copied')}</Button>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('epidemicOps.checkpoints.tokens.once')} />
            <Typography.Paragraph copyable={{ text: issued.token }} code data-testid="token-value" style={{ wordBreak: 'break-all' }}>
              {issued.token}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('epidemicOps.checkpoints.tokens.usage')}</Typography.Text>
          </Space>
        </Modal>
      )}
    </Card>
  );
}
