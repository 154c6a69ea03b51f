import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/api/useApiError';
import { exportKeys, exportsApi } from './exports.api';
import type { ExportRequest } from './exports.types';

/** 批准 / 驳回: the approver states a reason, kept with the decision and in the audit trail. */
export function DecisionModal({ request, decision, onClose }: { request: ExportRequest; decision: 'approve' | 'reject'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (reason: string) => (decision === 'approve' ? exportsApi.approve(request, reason) : exportsApi.reject(request, reason)),
    onSuccess: () => {
      void message.success(t(decision === 'approve' ? 'exports.decision.approved' : 'exports.decision.rejected'));
      void queryClient.invalidateQueries({ queryKey: exportKeys.all });
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal
      open
      title={t(decision === 'approve' ? 'exports.decision.approveTitle' : 'exports.decision.rejectTitle')}
      okText={t(decision === 'approve' ? 'exports.action.approve' : 'exports.action.reject')}
      okButtonProps={{ danger: decision === 'reject', loading: decide.isPending, 'data-testid': 'export-decision-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('exports.field.title')}>{request.title}</Descriptions.Item>
        <Descriptions.Item label={t('exports.field.requester')}>{request.requester.name}</Descriptions.Item>
        <Descriptions.Item label={t('exports.field.rows')}>{request.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('exports.field.masking')}>{t(request.unmasked ? 'exports.masking.unmasked' : 'exports.masking.masked')}</Descriptions.Item>
        <Descriptions.Item label={t('exports.field.reason')}>{request.reason ?? t('common.empty')}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={({ reason }) => decide.mutate(reason.trim())}>
        <Form.Item name="reason" label={t('exports.decision.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('exports.decision.reasonRequired') }]}>
          <Input.TextArea rows={2} data-testid="export-decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
