import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';
import { allowedNavigation } from './navigation';

export function SideMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const groups = allowedNavigation(me.permissions);

  const items: MenuProps['items'] = groups.map((group) => ({
    type: 'group',
    key: group.key,
    label: t(group.labelKey),
    children: group.items.map((item) => ({
      key: item.path,
      icon: item.icon,
      label: t(item.labelKey),
      'data-testid': `nav-${item.path.replace(/^\//, '').replace(/\//g, '-')}`,
    })),
  }));
  const selected = groups
    .flatMap((group) => group.items)
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .map((item) => item.path);

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
