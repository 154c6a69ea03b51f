import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/api/useApiError';
import { formatDateTime } from '../../app/formatDateTime';
import { DecisionModal } from './DecisionModal';
import { exportKeys, exportsApi } from './exports.api';
import type { ExportRequest } from './exports.types';
import { ExportStatusTag } from './ExportStatusTag';

/** `showRequester` is off in one's own list, where the requester is always oneself. */
export function ExportsTable({ items, loading, testId, showRequester }: { items: ExportRequest[]; loading: boolean; testId: string; showRequester: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<{ request: ExportRequest; decision: 'approve' | 'reject' } | null>(null);
  const download = useMutation({
    mutationFn: (id: string) => exportsApi.download(id),
    onSuccess: ({ rows }) => void message.success(t('exports.downloaded', { rows })),
    onError: (error) => showError(error),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: exportKeys.all }),
  });

  return (
    <>
      <Table<ExportRequest>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        onRow={(request) => ({ 'data-testid': `export-row-${request.id}` }) as object}
        columns={[
          { title: t('exports.field.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
          {
            title: t('exports.field.title'),
            width: 170,
            render: (_, request) => (
              <Space direction="vertical" size={0}>
                <span>
                  {request.title} · {request.format.toUpperCase()}
                </span>
                {request.unmasked && <Typography.Text type="danger">{t('exports.masking.unmasked')}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('exports.field.rows'), dataIndex: 'rowCount', width: 80, align: 'right' },
          { title: t('exports.field.status'), dataIndex: 'status', width: 130, render: (_, request) => <ExportStatusTag status={request.status} /> },
          ...(showRequester ? [{ title: t('exports.field.requester'), width: 140, render: (_: unknown, request: ExportRequest) => request.requester.name }] : []),
          { title: t('exports.field.reason'), dataIndex: 'reason', width: 200, ellipsis: true, render: (value: string | null) => value ?? '' },
          {
            title: t('exports.field.decision'),
            width: 220,
            render: (_, request) =>
              request.decidedBy ? (
                <Tooltip title={formatDateTime(request.decidedAt)}>
                  {request.decidedBy.name}：{request.decisionReason}
                </Tooltip>
              ) : (
                ''
              ),
          },
          {
            title: t('exports.field.file'),
            width: 200,
            render: (_, request) =>
              request.producedAt
                ? t('exports.file.produced', { at: formatDateTime(request.producedAt), rows: request.fileRows })
                : request.expiresAt
                  ? t('exports.file.until', { at: formatDateTime(request.expiresAt) })
                  : '',
          },
          {
            title: t('exports.field.actions'),
            width: 150,
            fixed: 'right',
            render: (_, request) => (
              <Space>
                {request.canDownload && (
                  <Button type="primary" size="small" loading={download.isPending && download.variables === request.id} onClick={() => download.mutate(request.id)} data-testid={`export-download-${request.id}`}>
                    {t('exports.action.download')}
                  </Button>
                )}
                {request.canDecide && (
                  <>
                    <Button type="primary" size="small" onClick={() => setDeciding({ request, decision: 'approve' })} data-testid={`export-approve-${request.id}`}>
                      {t('exports.action.approve')}
                    </Button>
                    <Button danger size="small" onClick={() => setDeciding({ request, decision: 'reject' })} data-testid={`export-reject-${request.id}`}>
                      {t('exports.action.reject')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {deciding && <DecisionModal request={deciding.request} decision={deciding.decision} onClose={() => setDeciding(null)} />}
    </>
  );
}
