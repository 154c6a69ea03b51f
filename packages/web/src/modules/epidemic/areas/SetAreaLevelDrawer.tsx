import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { areaKeys, areasApi } from './areas.api';
import { PLACE_KINDS, type AreaDesignation, type AreaLevel, type PlaceKind } from './areas.types';
import { PlaceSelect } from './PlaceSelect';

type Target = 'region' | 'place' | 'newPlace';

interface Values {
  target: Target;
  regionCode?: string;
  placeId?: string;
  placeCommunity?: string;
  placeName?: string;
  placeKind?: PlaceKind;
  level: AreaLevel;
  effectiveFrom: Dayjs;
  reason: string;
}

/**
 * Designates the risk level of a region, or of a named place inside a community (an existing one,
 * or one registered here first), from a day; the edition in force that day must designate the level.
 */
export function SetAreaLevelDrawer({ initialDate, onClose, onSaved }: { initialDate: string; onClose: () => void; onSaved: (area: AreaDesignation) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'region';
  const showError = useApiError();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const where =
        values.target === 'region'
          ? { regionCode: values.regionCode ?? '' }
          : { placeId: values.target === 'place' ? (values.placeId ?? '') : (await areasApi.createPlace({ regionCode: values.placeCommunity ?? '', name: values.placeName?.trim() ?? '', kind: values.placeKind ?? 'other' })).id };
      return areasApi.set({ ...where, level: values.level, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), reason: values.reason.trim() });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: areaKeys.all }),
  });

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
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values, { onSuccess: onSaved, onError: (error) => showError(error, form) })} initialValues={{ target: 'region', level: 'medium', effectiveFrom: dayjs(initialDate), placeKind: 'market' }} data-testid="area-form">
        <Form.Item name="target" label={t('epidemicOps.areas.target')}>
          <Radio.Group
            optionType="button"
            data-testid="area-form-target"
            options={(['region', 'place', 'newPlace'] as const).map((value) => ({ value, label: t(`epidemicOps.areas.targetKind.${value}`) }))}
          />
        </Form.Item>
        {target === 'region' && (
          <Form.Item name="regionCode" label={t('epidemicOps.field.region')} rules={[{ required: true }]}>
            <RegionTreeSelect single data-testid="area-form-region" />
          </Form.Item>
        )}
        {target === 'place' && (
          <Form.Item name="placeId" label={t('epidemicOps.places.place')} rules={[{ required: true }]}>
            <PlaceSelect data-testid="area-form-place" />
          </Form.Item>
        )}
        {target === 'newPlace' && (
          <>
            <Form.Item name="placeCommunity" label={t('epidemicOps.places.community')} extra={t('epidemicOps.hint.grid')} rules={[{ required: true }]}>
              <RegionTreeSelect single data-testid="area-form-place-community" />
            </Form.Item>
            <Form.Item name="placeName" label={t('epidemicOps.places.name')} rules={[{ required: true, whitespace: true, min: 2, max: 60 }]}>
              <Input placeholder={t('epidemicOps.places.namePlaceholder')} data-testid="area-form-place-name" />
            </Form.Item>
            <Form.Item name="placeKind" label={t('epidemicOps.places.kindLabel')} rules={[{ required: true }]}>
              <Select options={PLACE_KINDS.map((kind) => ({ value: kind, label: t(`epidemicOps.places.kind.${kind}`) }))} data-testid="area-form-place-kind" />
            </Form.Item>
          </>
        )}
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
