import { validateResidentId } from '@shoutu/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { followupKeys } from '../followups/followups.api';
import { personKeys } from '../persons/persons.api';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlaceSelect } from '../areas/PlaceSelect';
import { checkpointKeys, checkpointsApi } from './checkpoints.api';
import { TRANSPORTS, type AreaLevel, type ArrivalInput, type ArrivalRegistered } from './checkpoints.types';

interface Values {
  idNumber: string;
  name?: string;
  phone?: string;
  gridCode?: string;
  address?: string;
  originText: string;
  originRegionCode?: string;
  originLevel: AreaLevel;
  originLocalInfection: boolean;
  arrivalDate: Dayjs;
  transport: ArrivalInput['transport'];
  tripNo?: string;
  itinerary?: Array<{ date?: Dayjs; text?: string; placeId?: string }>;
}

function Outcome({ result }: { result: ArrivalRegistered }) {
  const { t } = useTranslation();
  const lines = [
    result.keyArea ? t('epidemicOps.checkpoints.result.keyArea', { level: t(`epidemicOps.level.${result.arrival.originLevel}`) }) : t('epidemicOps.checkpoints.result.notKeyArea'),
    result.person ? t(result.personCreated ? 'epidemicOps.checkpoints.result.registered' : 'epidemicOps.checkpoints.result.found', { name: result.person.name, endDate: result.person.measurePlan?.endDate ?? '—' }) : null,
    result.listed ? t('epidemicOps.checkpoints.result.listed') : null,
    result.alertId ? t('epidemicOps.checkpoints.result.alerted') : null,
  ].filter((line): line is string => line !== null);
  return <Alert type={result.alertId ? 'warning' : 'success'} showIcon title={lines.join('；')} style={{ marginTop: 16 }} data-testid="arrival-outcome" />;
}

/** Registers an arrival at the checkpoint; a key-area arrival needs name and phone to be registered. */
export function ArrivalForm({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ArrivalRegistered | null>(null);
  const level = Form.useWatch('originLevel', form);
  const register = useMutation({
    mutationFn: (input: ArrivalInput) => checkpointsApi.registerArrival(checkpointId, input),
    onSettled: () => {
      for (const key of [checkpointKeys.all, personKeys.all, followupKeys.all]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const submit = (values: Values) => {
    const input: ArrivalInput = {
      idNumber: values.idNumber.trim(),
      gridCode: values.gridCode ?? '',
      originText: values.originText.trim(),
      originLevel: values.originLevel,
      originLocalInfection: values.originLocalInfection,
      arrivalDate: values.arrivalDate.format('YYYY-MM-DD'),
      transport: values.transport,
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      ...(values.originRegionCode?.trim() ? { originRegionCode: values.originRegionCode.trim() } : {}),
      ...(values.tripNo?.trim() ? { tripNo: values.tripNo.trim() } : {}),
      itinerary: (values.itinerary ?? []).flatMap((entry) => (entry.date && entry.text?.trim() ? [{ date: entry.date.format('YYYY-MM-DD'), text: entry.text.trim(), ...(entry.placeId ? { placeId: entry.placeId } : {}) }] : [])),
    };
    register.mutate(input, {
      onSuccess: (registered) => {
        setResult(registered);
        form.resetFields();
      },
      onError: (error) => showError(error, form),
    });
  };
  const keyArea = level === 'medium' || level === 'high';

  return (
    <Card title={t('epidemicOps.checkpoints.registerTitle')} data-testid="arrival-card">
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ originLevel: 'low', originLocalInfection: false, arrivalDate: dayjs(), transport: 'train' }} data-testid="arrival-form">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label={t('epidemicOps.field.idNumber')}
              validateTrigger="onBlur"
              rules={[{ required: true, whitespace: true }, { validator: (_, value?: string) => (!value?.trim() || validateResidentId(value).ok ? Promise.resolve() : Promise.reject(new Error(t('epidemicOps.validation.idNumber')))) }]}
            >
              <Input maxLength={18} data-testid="arrival-idNumber" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="arrivalDate" label={t('epidemicOps.checkpoints.field.arrivalDate')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="arrival-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="originText" label={t('epidemicOps.checkpoints.field.origin')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input placeholder={t('epidemicOps.checkpoints.originPlaceholder')} data-testid="arrival-origin" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="originRegionCode" label={t('epidemicOps.checkpoints.field.originCode')} rules={[{ pattern: /^(\d{6}|\d{9}|\d{12})$/, message: t('epidemicOps.validation.regionCode') }]}>
              <Input maxLength={12} data-testid="arrival-originCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="originLevel" label={t('epidemicOps.checkpoints.field.originLevel')} extra={t('epidemicOps.checkpoints.originLevelHint')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="arrival-originLevel" options={(['low', 'medium', 'high'] as const).map((l) => ({ value: l, label: t(`epidemicOps.level.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="originLocalInfection" label={t('epidemicOps.checkpoints.field.localInfection')} valuePropName="checked">
              <Switch data-testid="arrival-localInfection" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="transport" label={t('epidemicOps.checkpoints.field.transport')} rules={[{ required: true }]}>
              <Select options={TRANSPORTS.map((m) => ({ value: m, label: t(`epidemicOps.transport.${m}`) }))} data-testid="arrival-transport" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tripNo" label={t('epidemicOps.checkpoints.field.tripNo')} rules={[{ max: 20 }]}>
              <Input data-testid="arrival-tripNo" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="gridCode" label={t('epidemicOps.checkpoints.field.destinationGrid')} extra={t('epidemicOps.hint.grid')} rules={[{ required: true }]}>
              <RegionTreeSelect single data-testid="arrival-gridCode" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.List name="itinerary">
              {(fields, { add, remove }) => (
                <Form.Item label={t('epidemicOps.checkpoints.itinerary.title')} extra={t('epidemicOps.checkpoints.itinerary.hint')}>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }} data-testid={`itinerary-${field.name}`}>
                      <Form.Item name={[field.name, 'date']} rules={[{ required: true }]} noStyle>
                        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} placeholder={t('epidemicOps.checkpoints.itinerary.date')} data-testid={`itinerary-${field.name}-date`} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, max: 100 }]} noStyle>
                        <Input placeholder={t('epidemicOps.checkpoints.itinerary.text')} style={{ width: 180 }} data-testid={`itinerary-${field.name}-text`} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'placeId']} noStyle>
                        <PlaceSelect style={{ width: 220 }} data-testid={`itinerary-${field.name}-place`} />
                      </Form.Item>
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete', { defaultValue: '删除' })} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 20} data-testid="itinerary-add">
                    {t('epidemicOps.checkpoints.itinerary.add')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
          </Col>
          {keyArea && <Alert type="warning" showIcon title={t('epidemicOps.checkpoints.keyAreaHint')} style={{ marginBottom: 16, width: '100%' }} />}
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('epidemicOps.field.name')} rules={[{ required: keyArea, whitespace: true, max: 50 }]}>
              <Input data-testid="arrival-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('epidemicOps.field.phone')} rules={[{ required: keyArea, whitespace: true }]}>
              <Input data-testid="arrival-phone" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('epidemicOps.field.address')} rules={[{ max: 200 }]}>
              <Input data-testid="arrival-address" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="arrival-submit">
          {t('epidemicOps.checkpoints.register')}
        </Button>
      </Form>
      {result && <Outcome result={result} />}
    </Card>
  );
}
