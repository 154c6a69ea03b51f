import { Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageFallback } from '../routing/PageFallback';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={220}
        style={{ position: 'sticky', top: 0, height: '100vh' }}
      >
        {/* The menu scrolls above the collapse trigger, which would otherwise cover its last entries. */}
        <div style={{ height: '100%', overflowY: 'auto' }}>
          <Typography.Title
            level={4}
            style={{ color: '#fff', margin: 0, padding: '16px 0', textAlign: 'center', whiteSpace: 'nowrap', fontSize: collapsed ? 16 : 20 }}
            data-testid="product-name"
          >
            {t('app.name')}
          </Typography.Title>
          <SideMenu />
        </div>
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
