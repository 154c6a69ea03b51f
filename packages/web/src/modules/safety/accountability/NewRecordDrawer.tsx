import { INITIAL_ACCOUNTABILITY_STATUSES, type AccountabilitySubjectKind } from '@shoutu/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import type { Page } from '../../../app/api/page';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { accountabilityApi } from './accountability.api';
import type { NewRecord } from './accountability.types';
import { DecisionFields } from './DecisionFields';
import { useAccountabilityMutation } from './useAccountability';

interface Values {
  triggerKind: 'accident' | 'other';
  triggerId?: string;
  regionCode?: string;
  subjectKind: AccountabilitySubjectKind;
  subjectName: string;
  subjectPost?: string;
  subjectUnit?: string;
  facts: string;
  status: NewRecord['status'];
  measure?: NewRecord['measure'];
  decidedBy?: string;
  decidedOn?: Dayjs;
}

/** The accidents of the ground, newest first, to pick the one a record is about. */
function useAccidentOptions() {
  return useQuery({
    queryKey: ['accountability', 'accident-options'],
    queryFn: () => api<Page<{ id: string; occurredAt: string; enterpriseName: string | null; regionName: string | null; typeLabel: { 'zh-CN': string } }>>('/accidents', { query: { limit: 100 } }),
    staleTime: 60_000,
  });
}

/** A record about an accident or another matter, outside the candidates (those are decided from their list). */
export function NewRecordDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const triggerKind = Form.useWatch('triggerKind', form);
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'person';
  const accidents = useAccidentOptions();
  const create = useAccountabilityMutation(accountabilityApi.create);
  const showError = useApiError();

  const submit = (values: Values) =>
    create.mutate(
      {
        triggerKind: values.triggerKind,
        ...(values.triggerKind === 'accident' ? { triggerId: values.triggerId! } : { regionCode: values.regionCode! }),
        subjectKind: values.subjectKind,
        subjectName: values.subjectName.trim(),
        subjectPost: values.subjectPost?.trim() || null,
        subjectUnit: values.subjectUnit?.trim() || null,
        facts: values.facts.trim(),
        status: values.status,
        ...(values.status === 'decided' ? { measure: values.measure ?? null } : {}),
        ...(values.status !== 'investigating' ? { decidedBy: values.decidedBy?.trim() ?? null, decidedOn: values.decidedOn?.format('YYYY-MM-DD') ?? null } : {}),
      },
      { onSuccess: (record) => onCreated(record.id), onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('accountability.records.new')}
      open
      onClose={onClose}
      size={620}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="record-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ triggerKind: 'accident', subjectKind: 'person', status: 'investigating', decidedOn: dayjs() }}>
        <Form.Item name="triggerKind" label={t('accountability.record.trigger')}>
          <Radio.Group options={(['accident', 'other'] as const).map((kind) => ({ value: kind, label: t(`accountability.records.trigger.${kind}`) }))} />
        </Form.Item>
        {triggerKind === 'other' ? (
          <Form.Item name="regionCode" label={t('accountability.region')} rules={[{ required: true }]}>
            <RegionTreeSelect single />
          </Form.Item>
        ) : (
          <Form.Item name="triggerId" label={t('accountability.records.accident')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={accidents.isLoading}
              options={(accidents.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.occurredAt.slice(0, 10)} ${a.enterpriseName ?? a.regionName ?? ''} ${a.typeLabel['zh-CN']}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="subjectKind" label={t('accountability.record.subjectKind')}>
          <Radio.Group onChange={() => form.setFieldValue('measure', undefined)} options={(['person', 'unit'] as const).map((kind) => ({ value: kind, label: t(`accountability.subjectKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="subjectName" label={t('accountability.record.subjectName')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        {subjectKind === 'person' && (
          <>
            <Form.Item name="subjectPost" label={t('accountability.record.subjectPost')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="subjectUnit" label={t('accountability.record.subjectUnit')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="facts" label={t('accountability.record.facts')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <DecisionFields statuses={INITIAL_ACCOUNTABILITY_STATUSES} subjectKind={subjectKind} />
      </Form>
    </Drawer>
  );
}
