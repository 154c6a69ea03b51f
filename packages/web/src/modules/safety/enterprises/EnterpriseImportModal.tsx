import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Radio, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { useLang } from '../../../i18n/useLang';
import { pickLocalized } from '../../../i18n/localized';
import { enterpriseKeys, enterprisesApi } from './enterprises.api';
import type { ImportMode, ImportResult, ImportRowError } from './enterprises.types';

const MAX_BYTES = 10 * 1024 * 1024;

/** Mounted while open: template, upload, mode, then the result with its per-row errors. */
export function EnterpriseImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const showError = useApiError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [result, setResult] = useState<ImportResult | null>(null);
  const template = useMutation({ mutationFn: enterprisesApi.downloadTemplate, onError: (error) => showError(error) });
  const report = useMutation({ mutationFn: enterprisesApi.downloadErrorReport, onError: (error) => showError(error) });
  const upload = useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) => enterprisesApi.import(file, mode),
    onSuccess: (answer) => {
      setResult(answer);
      if (answer.imported > 0) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
    onError: (error) => showError(error),
  });

  const written = result && result.imported > 0;
  const summaryType = !result ? 'info' : result.rejected === 0 ? 'success' : written ? 'warning' : 'error';

  return (
    <Modal
      open
      title={t('safety.enterprises.import.title')}
      width={820}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="enterprise-import-close">
            {result ? t('safety.enterprises.import.done') : t('common.cancel')}
          </Button>
          {!result && (
            <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate({ file, mode })} data-testid="enterprise-import-submit">
              {t('safety.enterprises.import.submit')}
            </Button>
          )}
          {result && (
            <Button
              onClick={() => {
                setResult(null);
                setFile(null);
              }}
              data-testid="enterprise-import-again"
            >
              {t('safety.enterprises.import.again')}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={result ? 2 : file ? 1 : 0}
        style={{ marginBottom: 16 }}
        items={[{ title: t('safety.enterprises.import.step.template') }, { title: t('safety.enterprises.import.step.upload') }, { title: t('safety.enterprises.import.step.result') }]}
      />
      {!result && (
        <Flex vertical gap={16}>
          <Flex align="center" gap={12} wrap>
            <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="enterprise-import-template">
              {t('safety.enterprises.import.template')}
            </Button>
            <Typography.Text type="secondary">{t('safety.enterprises.import.templateHint')}</Typography.Text>
          </Flex>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
            beforeUpload={(chosen) => {
              if (chosen.size > MAX_BYTES) {
                void message.error(t('safety.enterprises.import.tooLarge'));
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="enterprise-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('safety.enterprises.import.drop')}</p>
            <p className="ant-upload-hint">{t('safety.enterprises.import.dropHint')}</p>
          </Upload.Dragger>
          <div>
            <Typography.Text strong>{t('safety.enterprises.import.mode')}</Typography.Text>
            <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }} data-testid="enterprise-import-mode">
              <Radio value="all_or_nothing" data-testid="enterprise-import-mode-all">
                {t('safety.enterprises.import.modeAll')}
              </Radio>
              <Radio value="valid_rows_only" data-testid="enterprise-import-mode-valid">
                {t('safety.enterprises.import.modeValid')}
              </Radio>
            </Radio.Group>
          </div>
        </Flex>
      )}
      {result && (
        <Flex vertical gap={16} data-testid="enterprise-import-result">
          <Alert
            type={summaryType}
            showIcon
            title={t(result.rejected === 0 ? 'safety.enterprises.import.resultAll' : written ? 'safety.enterprises.import.resultPartial' : 'safety.enterprises.import.resultNone', {
              total: result.total,
              imported: result.imported,
              rejected: result.rejected,
            })}
            description={result.errorsTruncated ? t('safety.enterprises.import.truncated') : undefined}
            data-testid="enterprise-import-summary"
          />
          {result.errors.length > 0 && (
            <>
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t('safety.enterprises.import.errors')}</Typography.Text>
                {result.errorReportId && (
                  <Button icon={<DownloadOutlined />} loading={report.isPending} onClick={() => report.mutate(result.errorReportId!)} data-testid="enterprise-import-report">
                    {t('safety.enterprises.import.report')}
                  </Button>
                )}
              </Flex>
              <Table<ImportRowError>
                size="small"
                rowKey={(error) => `${error.row}-${error.field}-${error.code}`}
                dataSource={result.errors}
                pagination={{ pageSize: 8, showSizeChanger: false }}
                columns={[
                  { key: 'row', title: t('safety.enterprises.import.row'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('safety.enterprises.import.column'), dataIndex: 'column', width: 180 },
                  { key: 'message', title: t('safety.enterprises.import.message'), render: (_, error) => pickLocalized(error.message, lang) ?? error.code },
                ]}
                data-testid="enterprise-import-errors"
              />
            </>
          )}
        </Flex>
      )}
    </Modal>
  );
}
