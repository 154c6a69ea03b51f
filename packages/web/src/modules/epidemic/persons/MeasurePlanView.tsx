import { Alert, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';
import type { MeasurePlan } from './persons.types';

/** Steps of a plan as a timeline, its end and release condition, and the test schedule. */
export function MeasurePlanView({ plan, testIdPrefix }: { plan: MeasurePlan; testIdPrefix: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = dayjs().format('YYYY-MM-DD');
  const currentStep = plan.steps.findIndex((step) => step.from <= today && (step.to === null || today <= step.to));
  const measureName = (measure: string) => t(`epidemic.measure.${measure}`, { defaultValue: measure });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`${testIdPrefix}`}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('epidemic.persons.plan.edition')}>
          <span data-testid={`${testIdPrefix}-edition`}>{pickLocalized(plan.editionName, lang) ?? plan.edition}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('epidemic.persons.plan.start')}>
          {t('epidemic.persons.plan.startValue', { date: plan.from, field: t(`epidemic.startField.${plan.startField}`, { defaultValue: plan.startField }) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('epidemic.persons.plan.end')}>
          <Typography.Text strong data-testid={`${testIdPrefix}-end`}>
            {plan.endDate ?? t('epidemic.persons.plan.untilRelease')}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('epidemic.persons.plan.source')}>
          <Typography.Text type="secondary">{plan.editionSource}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        current={currentStep < 0 ? (plan.steps[0] && today < plan.steps[0].from ? -1 : plan.steps.length) : currentStep}
        items={plan.steps.map((step) => ({
          title: measureName(step.measure),
          content: `${step.from} — ${step.to ?? t('epidemic.persons.plan.untilRelease')}`,
        }))}
        data-testid={`${testIdPrefix}-steps`}
      />
      {plan.release && <Typography.Text>{t('epidemic.persons.plan.release', { count: plan.release.negativeTests, hours: plan.release.hoursApart })}</Typography.Text>}
      {plan.tests.length > 0 && (
        <div data-testid={`${testIdPrefix}-tests`}>
          <Typography.Text type="secondary">{t('epidemic.persons.plan.tests')}</Typography.Text>{' '}
          {plan.tests.map((test) => (
            <Tag key={test.day} color={test.date < today ? 'default' : 'blue'} style={{ marginBottom: 4 }}>
              {t('epidemic.persons.plan.testDay', { day: test.day })} · {test.date} · {measureName(test.setting)}
            </Tag>
          ))}
        </div>
      )}
      {plan.verify && <Alert type="warning" showIcon title={t('epidemic.persons.plan.verify')} />}
    </Space>
  );
}
