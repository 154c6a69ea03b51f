import { validateResidentId } from '@shoutu/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { followupKeys } from '../followups/followups.api';
import { personKeys } from '../persons/persons.api';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
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
