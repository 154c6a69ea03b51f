import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { areaKeys, areasApi } from './areas.api';
import type { AreaDesignation, AreaLevel } from './areas.types';

interface Values {
  regionCode?: string;
  level: AreaLevel;
  effectiveFrom: Dayjs;
  reason: string;
}

/** Designates a region's risk level from a day; the edition in force that day must designate the level. */
export function SetAreaLevelDrawer({ initialDate, onClose, onSaved }: { initialDate: string; onClose: () => void; onSaved: (area: AreaDesignation) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const save = useMutation({ mutationFn: areasApi.set, onSettled: () => queryClient.invalidateQueries({ queryKey: areaKeys.all }) });

  const submit = (values: Values) =>
    save.mutate({ regionCode: values.regionCode ?? '', level: values.level, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), reason: values.reason.trim() }, { onSuccess: onSaved, onError: (error) => showError(error, form) });

  return (
    <Drawer
      title={t('epidemicOps.areas.setTitle')}
      open
      onClose={onClose}
      size={480}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="area-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('epidemicOps.areas.setHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ level: 'medium', effectiveFrom: dayjs(initialDate) }} data-testid="area-form">
        <Form.Item name="regionCode" label={t('epidemicOps.field.region')} rules={[{ required: true }]}>
          <RegionTreeSelect single data-testid="area-form-region" />
        </Form.Item>
        <Form.Item name="level" label={t('epidemicOps.areas.col.level')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="area-form-level" options={(['high', 'medium', 'low'] as const).map((l) => ({ value: l, label: t(`epidemicOps.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('epidemicOps.areas.col.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="area-form-from" />
        </Form.Item>
        <Form.Item name="reason" label={t('epidemicOps.areas.col.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}>
          <Input.TextArea rows={3} data-testid="area-form-reason" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
