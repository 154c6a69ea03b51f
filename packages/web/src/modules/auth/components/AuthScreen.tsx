import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../i18n/LanguageSwitch';

/** The centred, chrome-less frame of the sign-in and forced password-change screens. */
export function AuthScreen({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #001529 0, #001529 280px, #f5f5f5 280px)' }}>
      <Flex justify="flex-end" gap={8} style={{ padding: '12px 24px' }}>
        {extra}
        <LanguageSwitch type="default" />
      </Flex>
      <Flex vertical align="center" style={{ padding: '24px 16px 48px' }}>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', marginBottom: 32, textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Text>
        {children}
      </Flex>
    </Layout>
  );
}
