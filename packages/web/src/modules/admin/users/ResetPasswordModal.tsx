import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { User } from './users.types';
import { useResetPassword } from './useResetPassword';

/** Sets a new initial password; the user must change it at the next sign-in. Mounted while open. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const showError = useApiError();

  const submit = ({ password }: { password: string }) => {
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.resetDone', { username: user.username }));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'reset-password-submit' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('users.field.newPassword')} extra={t('users.initialPasswordHint')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
