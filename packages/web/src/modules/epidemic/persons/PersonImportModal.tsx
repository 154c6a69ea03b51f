import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { pickLocalized } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';
import { dashboardKeys } from '../dashboard/dashboard.api';
import { personKeys, personsApi } from './persons.api';
import type { ImportMode, ImportOutcome, ImportRowError } from './persons.types';

/** The route takes 32 MB; a list of 50,000 persons is far less. */
const MAX_BYTES = 32 * 1024 * 1024;

/** Mounted while open: the template, the file (.xlsx or .csv) and the mode, then the result with its per-row errors. */
export function PersonImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const showError = useApiError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const template = useMutation({ mutationFn: personsApi.downloadTemplate, onError: (error) => showError(error) });
  const upload = useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) => personsApi.import(file, mode),
    onSuccess: (answer) => {
      setResult(answer);
      if (answer.imported > 0) for (const key of [personKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => showError(error),
  });

  const summaryType = !result ? 'info' : result.rejected === 0 ? 'success' : result.imported > 0 ? 'warning' : 'error';
  const summaryKey = !result ? '' : result.rejected === 0 ? 'resultAll' : result.imported > 0 ? 'resultPartial' : 'resultNone';

  return (
    <Modal
      open
      title={t('epidemic.persons.import.title')}
      width={820}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="person-import-close">
            {result ? t('epidemic.persons.import.done') : t('common.cancel')}
          </Button>
          {result ? (
            <Button
              onClick={() => {
                setResult(null);
                setFile(null);
              }}
              data-testid="person-import-again"
            >
              {t('epidemic.persons.import.again')}
            </Button>
          ) : (
            <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate({ file, mode })} data-testid="person-import-submit">
              {t('epidemic.persons.import.submit')}
            </Button>
          )}
        </Space>
      }
    >
      {!result ? (
        <Flex vertical gap={16}>
          <Flex align="center" gap={12} wrap>
            <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="person-import-template">
              {t('epidemic.persons.import.template')}
            </Button>
            <Typography.Text type="secondary">{t('epidemic.persons.import.templateHint')}</Typography.Text>
          </Flex>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
            beforeUpload={(chosen) => {
              if (chosen.size > MAX_BYTES) {
                void message.error(t('epidemic.persons.import.tooLarge'));
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="person-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('epidemic.persons.import.drop')}</p>
            <p className="ant-upload-hint">{t('epidemic.persons.import.dropHint')}</p>
          </Upload.Dragger>
          <div>
            <Typography.Text strong>{t('epidemic.persons.import.mode')}</Typography.Text>
            <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }} data-testid="person-import-mode">
              <Radio value="all_or_nothing">{t('epidemic.persons.import.modeAll')}</Radio>
              <Radio value="valid_rows_only" data-testid="person-import-mode-valid">
                {t('epidemic.persons.import.modeValid')}
              </Radio>
            </Radio.Group>
          </div>
        </Flex>
      ) : (
        <Flex vertical gap={16} data-testid="person-import-result">
          <Alert
            type={summaryType}
            showIcon
            title={t(`epidemic.persons.import.${summaryKey}`, { imported: result.imported, rejected: result.rejected })}
            description={result.truncated ? t('epidemic.persons.import.truncated') : undefined}
            data-testid="person-import-summary"
          />
          {result.errors.length > 0 && (
            <Table<ImportRowError>
              size="small"
              rowKey={(error) => `${error.row}-${error.field}-${error.code}`}
              dataSource={result.errors}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { key: 'row', title: t('epidemic.persons.import.row'), dataIndex: 'row', width: 70 },
                { key: 'field', title: t('epidemic.persons.import.column'), render: (_, error) => t(`epidemic.persons.field.${error.field}`, { defaultValue: error.field }), width: 160 },
                { key: 'message', title: t('epidemic.persons.import.message'), render: (_, error) => pickLocalized(error.message, lang) ?? error.code },
              ]}
              data-testid="person-import-errors"
            />
          )}
        </Flex>
      )}
    </Modal>
  );
}
