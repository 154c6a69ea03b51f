import { Badge, Card, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { HazardsTable } from './HazardsTable';
import type { HazardInbox } from './hazards.types';
import { useHazardInbox } from './useHazards';

type SectionKey = 'toRectify' | 'toDecide' | 'toAccept' | 'overdue';

/** The three tabs each kind of user works from (decision 0013): the enterprise rectifies, the regulator hands over and decides. */
const TABS: Record<HazardInbox['actorKind'], SectionKey[]> = {
  enterprise_safety_officer: ['toRectify', 'toAccept', 'overdue'],
  regulator: ['toDecide', 'toAccept', 'overdue'],
  other: ['overdue'],
};

/** Where "all of them" lives in the hazard list. */
const LIST_FILTER: Record<SectionKey, string> = {
  toRectify: 'status=rectifying',
  toDecide: 'status=found',
  toAccept: 'status=awaiting_acceptance',
  overdue: 'overdue=true',
};

function Summary({ inbox, section }: { inbox: HazardInbox; section: SectionKey }) {
  const { t } = useTranslation();
  const { count, items } = inbox[section];
  const extra = section === 'toAccept' ? t('hazards.inbox.acceptanceOverdue', { count: inbox.toAccept.acceptanceOverdue }) : section === 'overdue' ? t('hazards.inbox.escalated', { count: inbox.overdue.escalated }) : '';
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text data-testid={`inbox-summary-${section}`}>
        {t('hazards.inbox.total', { count })}
        {count > 0 && extra ? `，${extra}` : ''}
        {count > items.length ? `；${t('hazards.inbox.shown', { count: items.length })}` : ''}
      </Typography.Text>
      <Link to={`/safety/hazards?${LIST_FILTER[section]}`} data-testid={`inbox-all-${section}`}>
        {t('hazards.inbox.all')}
      </Link>
    </Space>
  );
}

/** 我的待办: what of the hazard loop waits on the signed-in user, with counts. */
export default function HazardInboxPage() {
  const { t } = useTranslation();
  const inbox = useHazardInbox();
  const [params, setParams] = useSearchParams();

  const header = <PageHeader title={t('hazards.inbox.title')} description={t('hazards.inbox.description')} />;
  if (inbox.isPending) return (
    <>
      {header}
      <Spin />
    </>
  );
  if (!inbox.data) return (
    <>
      {header}
      <QueryError error={inbox.error} />
    </>
  );
  const data = inbox.data;
  const tabs = TABS[data.actorKind];
  const asked = params.get('tab') as SectionKey | null;
  const active = asked && tabs.includes(asked) ? asked : (tabs.find((key) => data[key].count > 0) ?? tabs[0]!);

  return (
    <>
      {header}
      <Card data-testid="hazard-inbox">
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: (
              <span data-testid={`inbox-tab-${key}`}>
                {t(`hazards.inbox.tab.${key}`)}{' '}
                <span data-testid={`inbox-count-${key}`}>
                  <Badge count={data[key].count} showZero overflowCount={999} color={key === 'overdue' && data[key].count > 0 ? 'red' : 'blue'} />
                </span>
              </span>
            ),
            children: (
              <>
                <Summary inbox={data} section={key} />
                <HazardsTable hazards={data[key].items} loading={false} due={key === 'toAccept' ? 'acceptanceDueAt' : 'deadline'} />
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
