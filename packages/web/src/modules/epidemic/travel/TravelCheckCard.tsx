import { SafetyCertificateOutlined } from '@ant-design/icons';
import { validateResidentId } from '@shoutu/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Card, DatePicker, Form, Input, List, Result, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { pickLocalized } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';
import { travelApi } from './travel.api';
import type { TravelCheckResult } from './travel.types';

/** Destinations offered first; any region code may be typed. */
const DESTINATIONS = ['110000', '310000', '120000', '440100', '440300', '330100', '320100', '500000'];

interface Values {
  idNumber: string;
  destination: string;
  date: Dayjs;
}

const STATUS = { allow: 'success', deny: 'error', alert: 'warning' } as const;

function Verdict({ result }: { result: TravelCheckResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Result
      status={STATUS[result.decision]}
      title={<span data-testid="travel-decision">{t(`epidemicOps.travel.decision.${result.decision}`)}</span>}
      subTitle={t('epidemicOps.travel.checkedFor', { destination: t(`epidemicOps.destination.${result.destination}`, { defaultValue: result.destination }), date: result.date })}
      style={{ padding: '16px 0' }}
      data-testid={`travel-result-${result.decision}`}
    >
      {result.reasons.length > 0 && (
        <List
          size="small"
          dataSource={result.reasons}
          data-testid="travel-reasons"
          renderItem={(reason) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <>
                    <Tag color={reason.code.endsWith('_denied') ? 'red' : 'orange'}>{t(`epidemicOps.travel.reason.${reason.code}`, { defaultValue: reason.code })}</Tag>
                    {pickLocalized(reason.message, lang)}
                  </>
                }
                description={
                  <>
                    {t('epidemicOps.travel.rule', { name: pickLocalized(reason.ruleName, lang) })}
                    {reason.verify && <Tag style={{ marginInlineStart: 8 }}>{t('epidemicOps.travel.verify')}</Tag>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Result>
  );
}

/** 出行核验: may this person travel there on that day? allow / deny / alert with the rules applied. */
export function TravelCheckCard({ checkpointId }: { checkpointId: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const check = useMutation({ mutationFn: travelApi.check, onSettled: () => queryClient.invalidateQueries({ queryKey: ['travel'] }) });
  const destination = Form.useWatch('destination', form);

  const submit = (values: Values) =>
    check.mutate(
      { idNumber: values.idNumber.trim(), destination: values.destination.trim(), date: values.date.format('YYYY-MM-DD'), ...(checkpointId ? { checkpointId } : {}) },
      { onError: (error) => showError(error, form) },
    );

  return (
    <Card
      title={
        <>
          <SafetyCertificateOutlined /> {t('epidemicOps.travel.title')}
        </>
      }
      data-testid="travel-check-card"
    >
      <Typography.Paragraph type="secondary">{t('epidemicOps.travel.description')}</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" onFinish={submit} initialValues={{ destination: '110000', date: dayjs() }} autoComplete="off" data-testid="travel-form">
        <Form.Item
          name="idNumber"
          label={t('epidemicOps.field.idNumber')}
          rules={[
            { required: true, whitespace: true },
            { validator: (_, value?: string) => (!value?.trim() || validateResidentId(value).ok ? Promise.resolve() : Promise.reject(new Error(t('epidemicOps.validation.idNumber')))) },
          ]}
        >
          <Input maxLength={18} style={{ fontSize: 22, letterSpacing: 2 }} data-testid="travel-idNumber" />
        </Form.Item>
        <Form.Item
          name="destination"
          label={t('epidemicOps.travel.destination')}
          extra={destination ? t(`epidemicOps.destination.${destination}`, { defaultValue: '' }) : undefined}
          rules={[{ required: true }, { pattern: /^[0-9A-Za-z_-]{2,20}$/, message: t('epidemicOps.validation.destination') }]}>
          <AutoComplete options={DESTINATIONS.map((code) => ({ value: code, label: `${t(`epidemicOps.destination.${code}`)}（${code}）` }))} data-testid="travel-destination" />
        </Form.Item>
        <Form.Item name="date" label={t('epidemicOps.travel.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="travel-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={check.isPending} data-testid="travel-submit">
          {t('epidemicOps.travel.check')}
        </Button>
      </Form>
      {check.data && <Verdict result={check.data} />}
    </Card>
  );
}
