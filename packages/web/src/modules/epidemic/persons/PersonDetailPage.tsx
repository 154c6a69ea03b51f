import { ArrowLeftOutlined, EditOutlined, NodeIndexOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useMayWrite } from '../../auth/hooks/useFieldRules';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { RegisterContactDrawer } from '../tracing/RegisterContactDrawer';
import type { ContactRegistered } from '../tracing/tracing.types';
import { CategoryTag, useCategoryName } from './categories';
import { ChangePersonModal } from './ChangePersonModal';
import { MeasurePlanView } from './MeasurePlanView';
import { DATE_FIELDS, type PersonDetail } from './persons.types';
import { UnmaskButton } from './UnmaskButton';
import { usePerson } from './usePerson';

function BasicInfo({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="person-basic">
      <Descriptions.Item label={t('epidemic.persons.field.name')}>{person.name}</Descriptions.Item>
      <Descriptions.Item label={t('epidemic.persons.field.idNumber')}>
        <Typography.Text code data-testid="person-idNumber">
          {person.idNumber}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('epidemic.persons.field.phone')}>{person.phone}</Descriptions.Item>
      <Descriptions.Item label={t('epidemic.persons.field.sexAge')}>{`${t(`epidemic.sex.${person.sex}`)} / ${person.birthYear}`}</Descriptions.Item>
      <Descriptions.Item label={t('epidemic.persons.field.grid')}>
        <RegionName code={person.gridCode} />
      </Descriptions.Item>
      <Descriptions.Item label={t('epidemic.persons.field.address')}>{person.address ?? t('common.empty')}</Descriptions.Item>
      {DATE_FIELDS.map((field) => (
        <Descriptions.Item key={field} label={t(`epidemic.persons.field.${field}`)}>
          {person[field] ?? t('common.empty')}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('epidemic.persons.field.registeredAt')}>{formatDateTime(person.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function CategoryHistory({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const name = useCategoryName();
  return (
    <Timeline
      data-testid="person-history"
      items={[...person.categoryHistory].reverse().map((change) => ({
        color: change.fromCategory ? 'blue' : 'gray',
        content: (
          <>
            <div>
              {change.fromCategory
                ? t('epidemic.persons.detail.historyChange', { from: name(change.fromCategory), to: name(change.category) })
                : t('epidemic.persons.detail.historyFirst', { category: name(change.category) })}
            </div>
            {change.reason && <Typography.Text type="secondary">{t('epidemic.persons.detail.historyReason', { reason: change.reason })}</Typography.Text>}
            <div>
              <Typography.Text type="secondary">{formatDateTime(change.at)}</Typography.Text>
            </div>
          </>
        ),
      }))}
    />
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const person = usePerson(id);
  const canUnmask = usePermission('persons:unmask');
  // The change is one of category: a grid worker or a checkpoint officer may not write it.
  const canManage = useMayWrite('person', 'category', 'persons:manage');
  const [changing, setChanging] = useState(false);
  // Contacts are registered from the case's page in one step (the contact and the exposure).
  const canRegisterContacts = usePermission('persons:manage');
  const [registeringContact, setRegisteringContact] = useState(false);
  const [contact, setContact] = useState<ContactRegistered | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/epidemic/persons')} data-testid="person-back">
      {t('epidemic.persons.detail.back')}
    </Button>
  );
  if (person.isPending) return <Spin />;
  if (isApiError(person.error, 404)) return <Result status="404" title={t('epidemic.persons.detail.notFound')} extra={back} />;
  if (!person.data) return <QueryError error={person.error} />;
  const p = person.data;
  const plan = p.measurePlan;
  // A role that reads only the masked identity (field-level rules) gets no status, plan or history.
  if (p.status === undefined) {
    return (
      <>
        <PageHeader title={p.name} actions={back} />
        <Card title={t('epidemic.persons.detail.basic')} extra={p.isDemo && <Tag>{t('epidemic.persons.demoTag')}</Tag>} data-testid="person-detail-restricted">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('epidemic.persons.field.name')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('epidemic.persons.field.idNumber')}>
              <Typography.Text code>{p.idNumber}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('epidemic.persons.detail.restricted')}</Typography.Text>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={p.name}
        actions={
          <Space wrap>
            {back}
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setChanging(true)} data-testid="person-change">
                {t('epidemic.persons.detail.changeCategory')}
              </Button>
            )}
            {canUnmask && <UnmaskButton personId={p.id} />}
            <Link to={`/epidemic/tracing?person=${encodeURIComponent(p.id)}`} data-testid="person-chain">
              <Button icon={<NodeIndexOutlined />}>{t('epidemic.persons.detail.chain')}</Button>
            </Link>
            {canRegisterContacts && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegisteringContact(true)} data-testid="person-register-contact">
                {t('epidemicOps.tracing.register.button')}
              </Button>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="person-detail">
        {contact && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setContact(null) }}
            title={t(contact.personCreated ? 'epidemicOps.tracing.register.done' : 'epidemicOps.tracing.register.linked', {
              name: contact.person.name,
              endDate: contact.person.measurePlan?.endDate ?? t('epidemicOps.tracing.register.noEndDate'),
            })}
            action={
              <Link to={`/epidemic/persons/${contact.person.id}`} data-testid="person-contact-open">
                {t('epidemic.persons.detail.openContact')}
              </Link>
            }
            data-testid="person-contact-registered"
          />
        )}
        <Card
          title={t('epidemic.persons.detail.basic')}
          extra={
            <Space>
              <CategoryTag code={p.category} />
              <Tag color={p.status === 'managed' ? 'processing' : 'success'}>{t(`epidemic.status.${p.status}`)}</Tag>
              {p.isDemo && <Tag>{t('epidemic.persons.demoTag')}</Tag>}
            </Space>
          }
        >
          <BasicInfo person={p} />
        </Card>
        <Card title={t('epidemic.persons.plan.title')} data-testid="person-plan-card">
          {plan ? (
            <MeasurePlanView plan={plan} testIdPrefix="person-plan" />
          ) : (
            <Empty description={p.planProblem ? t(`epidemic.planProblem.${p.planProblem}`, { defaultValue: p.planProblem }) : t('epidemic.persons.plan.none')} data-testid="person-plan-none" />
          )}
        </Card>
        <Card title={t('epidemic.persons.detail.history')}>
          <CategoryHistory person={p} />
        </Card>
        <Card title={t('epidemic.persons.plan.previous')} data-testid="person-previous-plans">
          {p.previousPlans.length === 0 ? (
            <Typography.Text type="secondary">{t('epidemic.persons.plan.previousEmpty')}</Typography.Text>
          ) : (
            <Collapse
              items={p.previousPlans.map((previous) => ({
                key: previous.id,
                label: (
                  <Space wrap>
                    <CategoryTag code={previous.category} />
                    <span>
                      {previous.from} — {previous.endDate ?? t('epidemic.persons.plan.untilRelease')}
                    </span>
                    <Typography.Text type="secondary">{t('epidemic.persons.plan.supersededAt', { at: formatDateTime(previous.supersededAt) })}</Typography.Text>
                  </Space>
                ),
                children: <MeasurePlanView plan={previous} testIdPrefix={`person-previous-plan-${previous.id}`} />,
              }))}
            />
          )}
        </Card>
      </Space>
      {registeringContact && (
        <RegisterContactDrawer
          source={{ id: p.id, name: p.name }}
          onClose={() => setRegisteringContact(false)}
          onRegistered={(result) => {
            setRegisteringContact(false);
            setContact(result);
          }}
        />
      )}
      {changing && (
        <ChangePersonModal
          person={p}
          onClose={() => setChanging(false)}
          onSaved={() => {
            void message.success(t('epidemic.persons.detail.savedDone'));
            setChanging(false);
          }}
        />
      )}
    </>
  );
}
