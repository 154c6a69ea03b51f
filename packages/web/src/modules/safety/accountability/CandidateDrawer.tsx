import { INITIAL_ACCOUNTABILITY_STATUSES, type AccountabilitySubjectKind } from '@shoutu/domain';
import { Button, Card, Divider, Drawer, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../../app/api/useApiError';
import { usePermission } from '../../auth/hooks/usePermission';
import { useLabel } from '../responsibility/useLabel';
import { accountabilityApi } from './accountability.api';
import type { Candidate, NewRecord, Suggestion } from './accountability.types';
import { DecisionFields } from './DecisionFields';
import { EvidenceTimeline } from './EvidenceTimeline';
import { useAccountabilityMutation } from './useAccountability';

interface Values {
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

/** A candidate's evidence pack and, for those who decide, the decision made in one step (the record keeps the evidence). */
export function CandidateDrawer({ candidate, onClose }: { candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const canDecide = usePermission('accountability:decide');
  const [form] = Form.useForm<Values>();
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'person';
  const create = useAccountabilityMutation(accountabilityApi.create);
  const showError = useApiError();

  const pick = (suggestion: Suggestion) => form.setFieldsValue({ subjectKind: suggestion.subjectKind, subjectName: suggestion.name, subjectPost: suggestion.post ?? undefined, subjectUnit: suggestion.unit ?? undefined, measure: undefined });
  const submit = (values: Values) =>
    create.mutate(
      {
        triggerKind: candidate.kind,
        triggerId: candidate.triggerId,
        ...(candidate.triggerPart ? { triggerPart: candidate.triggerPart } : {}),
        subjectKind: values.subjectKind,
        subjectName: values.subjectName.trim(),
        subjectPost: values.subjectPost?.trim() || null,
        subjectUnit: values.subjectUnit?.trim() || null,
        facts: values.facts.trim(),
        status: values.status,
        ...(values.status === 'decided' ? { measure: values.measure ?? null } : {}),
        ...(values.status !== 'investigating' ? { decidedBy: values.decidedBy?.trim() ?? null, decidedOn: values.decidedOn?.format('YYYY-MM-DD') ?? null } : {}),
      },
      { onSuccess: (record) => navigate(`/safety/accountability/records/${record.id}`), onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={label(candidate.kindLabel)}
      open
      onClose={onClose}
      size={760}
      data-testid="candidate-drawer"
      extra={
        canDecide && (
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="candidate-decide">
            {t('accountability.candidates.record')}
          </Button>
        )
      }
    >
      <Typography.Title level={5}>{t('accountability.evidence.title')}</Typography.Title>
      <EvidenceTimeline evidence={candidate.evidence} />
      {canDecide && (
        <>
          <Divider />
          <Typography.Title level={5}>{t('accountability.candidates.decision')}</Typography.Title>
          {candidate.suggestions.length > 0 && (
            <Card size="small" title={t('accountability.candidates.suggestions')} style={{ marginBottom: 16 }}>
              <Space wrap>
                {candidate.suggestions.map((suggestion, index) => (
                  <Button key={index} size="small" onClick={() => pick(suggestion)} data-testid={`suggestion-${index}`}>
                    {suggestion.post ? `${suggestion.post} ${suggestion.name}` : suggestion.name} <Tag style={{ marginInlineStart: 6 }}>{label(suggestion.basis)}</Tag>
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ subjectKind: 'person', status: 'decided', decidedOn: dayjs(), facts: candidate.title }} data-testid="decision-form">
            <Form.Item name="subjectKind" label={t('accountability.record.subjectKind')}>
              <Radio.Group onChange={() => form.setFieldValue('measure', undefined)} options={(['person', 'unit'] as const).map((kind) => ({ value: kind, label: t(`accountability.subjectKind.${kind}`) }))} />
            </Form.Item>
            <Form.Item name="subjectName" label={t('accountability.record.subjectName')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
              <Input data-testid="decision-subjectName" />
            </Form.Item>
            {subjectKind === 'person' && (
              <Space.Compact block>
                <Form.Item name="subjectPost" label={t('accountability.record.subjectPost')} style={{ flex: 1 }} rules={[{ max: 100 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="subjectUnit" label={t('accountability.record.subjectUnit')} style={{ flex: 1 }} rules={[{ max: 100 }]}>
                  <Input />
                </Form.Item>
              </Space.Compact>
            )}
            <Form.Item name="facts" label={t('accountability.record.facts')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
              <Input.TextArea rows={3} data-testid="decision-facts" />
            </Form.Item>
            <DecisionFields statuses={INITIAL_ACCOUNTABILITY_STATUSES} subjectKind={subjectKind} />
          </Form>
        </>
      )}
    </Drawer>
  );
}
