import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { DutyListsTab } from './DutyListsTab';
import { LeadersTab } from './LeadersTab';
import { LettersTab } from './LettersTab';
import { TemplatesTab } from './TemplatesTab';

const TABS = ['lists', 'letters', 'leaders', 'templates'] as const;
type Tab = (typeof TABS)[number];

/** The work-safety responsibility system (安全生产责任体系): duty lists, letters, leaders, templates. */
export default function ResponsibilityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((name) => name === asked) ?? 'lists';
  const content: Record<Tab, () => React.ReactNode> = { lists: () => <DutyListsTab />, letters: () => <LettersTab />, leaders: () => <LeadersTab />, templates: () => <TemplatesTab /> };
  return (
    <>
      <PageHeader title={t('responsibility.title')} description={t('responsibility.description')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: <span data-testid={`responsibility-tab-${key}`}>{t(`responsibility.tabs.${key}`)}</span>, children: content[key]() }))}
        />
      </Card>
    </>
  );
}
