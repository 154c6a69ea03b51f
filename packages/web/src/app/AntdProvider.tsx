import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/useLang';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

/** antd in the interface language; AntApp gives message/notification/modal their context. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const lang = useLang();
  return (
    <ConfigProvider locale={ANTD_LOCALES[lang]}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
