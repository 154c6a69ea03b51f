import { LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useApiError } from '../../../app/api/useApiError';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { useLogout } from '../hooks/useLogout';
import { useTotpConfirm } from '../hooks/useTotpConfirm';
import { useTotpSetup } from '../hooks/useTotpSetup';
import { AuthScreen } from './AuthScreen';

interface Values {
  code: string;
}

/** The only page an admin sees until TOTP is set up (SECURITY.md row 4), as the forced password change is. */
export default function EnrolTotpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const logout = useLogout();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();

  // Each setup replaces the pending secret: ask once, not again when React re-runs effects.
  const asked = useRef(false);
  const enrolling = me.secondFactor === 'enrol';
  const startSetup = setup.mutate;
  useEffect(() => {
    if (!enrolling || asked.current) return;
    asked.current = true;
    startSetup(undefined, { onError: (error) => showError(error) });
  }, [enrolling, startSetup, showError]);

  if (!enrolling) return <Navigate to="/" replace />;

  const submit = ({ code }: Values) => {
    confirm.mutate(code, {
      onSuccess: () => {
        void message.success(t('totp.enrolled'));
        void navigate('/', { replace: true });
      },
      onError: (error) => {
        showError(error, form);
        form.setFieldValue('code', '');
      },
    });
  };

  const regenerate = () => {
    form.resetFields();
    setup.mutate(undefined, { onError: (error) => showError(error) });
  };

  const extra = (
    <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} data-testid="logout">
      {t('header.logout')}
    </Button>
  );

  return (
    <AuthScreen extra={extra}>
      <Card title={t('totp.title')} style={{ width: 460, maxWidth: '100%' }} data-testid="enrol-totp">
        <Alert type="warning" showIcon title={t('totp.mustEnrol')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>{t('totp.step1')}</Typography.Paragraph>
        <Typography.Paragraph>{t('totp.step2')}</Typography.Paragraph>
        {setup.isPending && (
          <Flex justify="center" align="center" gap={8} style={{ margin: '16px 0' }}>
            <Spin />
            <Typography.Text type="secondary">{t('totp.generating')}</Typography.Text>
          </Flex>
        )}
        {setup.data && (
          <>
            <Flex justify="center" style={{ marginBottom: 16 }}>
              <QRCodeSVG value={setup.data.otpauthUrl} size={184} marginSize={2} title={t('totp.qr')} data-testid="totp-qr" />
            </Flex>
            <Typography.Paragraph>
              {t('totp.secret')}{' '}
              <Typography.Text code copyable data-testid="totp-secret">
                {setup.data.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" copyable={{ text: setup.data.otpauthUrl }} style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {t('totp.url')}: <span data-testid="totp-url">{setup.data.otpauthUrl}</span>
            </Typography.Paragraph>
          </>
        )}
        <Typography.Paragraph>{t('totp.step3')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={!setup.data}>
          <Form.Item
            name="code"
            label={t('totp.code')}
            rules={[
              { required: true, message: t('totp.codeRequired') },
              { pattern: /^\d{6}$/, message: t('totp.codeFormat') },
            ]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="totp-submit">
            {t('totp.submit')}
          </Button>
        </Form>
        <Button type="link" icon={<ReloadOutlined />} onClick={regenerate} disabled={setup.isPending} style={{ paddingInline: 0, marginTop: 8 }}>
          {t('totp.retry')}
        </Button>
      </Card>
    </AuthScreen>
  );
}
