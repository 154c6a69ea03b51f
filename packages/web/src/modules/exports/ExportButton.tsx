import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../app/api/useApiError';
import type { Permission } from '../auth/api/auth.types';
import { usePermission } from '../auth/hooks/usePermission';
import { exportKeys, exportsApi } from './exports.api';
import type { ExportFormat } from './exports.types';

interface Props {
  /** The list's export route, e.g. /persons/export. */
  path: string;
  /** The list's current filter (never an exact ID or phone search). */
  filter: Record<string, unknown>;
  formats: ExportFormat[];
  /** Who may export full identifiers; absent when the list cannot be unmasked. */
  unmaskPermission?: Permission;
  testId: string;
}

interface Values {
  format: ExportFormat;
  unmasked: boolean;
  reason?: string;
}

/**
 * 导出: the current filter as CSV, Excel or PDF. The server decides whether the file comes at once
 * or the export waits for a leader's approval; either way it is watermarked and audited.
 */
export function ExportButton({ path, filter, formats, unmaskPermission, testId }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const canExport = usePermission('data:export');
  const canUnmask = usePermission(unmaskPermission ?? 'data:export') && unmaskPermission !== undefined;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const unmasked = Form.useWatch('unmasked', form) ?? false;
  const start = useMutation({
    mutationFn: ({ format, unmasked: full, reason }: Values) => exportsApi.start(path, { ...filter, format, ...(full ? { unmasked: true } : {}), ...(reason?.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: (started) => {
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: exportKeys.all });
      if (started.kind === 'file') {
        void message.success(t('exports.start.saved', { rows: started.rows }));
        return;
      }
      modal.info({
        title: t('exports.start.pendingTitle'),
        content: t('exports.start.pending', { rows: started.request.rowCount }),
        okText: t('exports.start.openExports'),
        onOk: () => void navigate('/exports'),
      });
    },
    onError: (error) => showError(error, form),
  });
  if (!canExport) return null;

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t('exports.start.button')}
      </Button>
      <Modal
        open={open}
        title={t('exports.start.title')}
        okText={t('exports.start.submit')}
        okButtonProps={{ loading: start.isPending, 'data-testid': `${testId}-submit` }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('exports.start.rules')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" initialValues={{ format: formats[0], unmasked: false }} onFinish={(values) => start.mutate(values)}>
          <Form.Item name="format" label={t('exports.field.format')}>
            <Radio.Group optionType="button" options={formats.map((format) => ({ value: format, label: t(`exports.format.${format}`) }))} data-testid={`${testId}-format`} />
          </Form.Item>
          {canUnmask && (
            <Form.Item name="unmasked" valuePropName="checked" extra={t('exports.start.unmaskHelp')}>
              <Checkbox data-testid={`${testId}-unmask`}>{t('exports.start.unmask')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('exports.field.reason')}
            rules={[{ required: unmasked, whitespace: true, message: t('exports.start.reasonRequired') }, { min: 2, max: 200, message: t('exports.start.reasonLength') }]}
          >
            <Input.TextArea rows={2} placeholder={t('exports.start.reasonPlaceholder')} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
