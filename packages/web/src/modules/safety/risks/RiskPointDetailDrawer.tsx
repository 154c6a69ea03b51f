import { ACCIDENT_TYPES } from '@shoutu/domain';
import { App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Space, Spin, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { formatDateTime } from '../../../app/formatDateTime';
import { QueryError } from '../../../app/layout/QueryError';
import { useLabel } from '../hazards/useLabel';
import { AssessmentFields } from './AssessmentFields';
import { RiskLevelTag } from './RiskLevelTag';
import type { AssessmentInput, RiskAssessment, RiskPointDetail } from './risks.types';
import { useRiskPoint, useRiskWrites } from './useRisks';

function inputsText(method: string, inputs: RiskAssessment['inputs']): string {
  return method === 'LS' ? `L ${inputs.likelihood} × S ${inputs.severity}` : `L ${inputs.l} × E ${inputs.e} × C ${inputs.c}`;
}

function History({ point }: { point: RiskPointDetail }) {
  const { t } = useTranslation();
  return (
    <Table<RiskAssessment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={point.assessments}
      data-testid="risk-history"
      columns={[
        { key: 'at', title: t('hazards.risks.history.at'), render: (_, a) => formatDateTime(a.assessedAt) },
        { key: 'inputs', title: t('hazards.risks.history.inputs'), render: (_, a) => `${a.method}：${inputsText(a.method, a.inputs)} = ${a.score}` },
        { key: 'level', title: t('hazards.risks.field.level'), render: (_, a) => <RiskLevelTag level={a.level} /> },
        { key: 'by', title: t('hazards.risks.history.by'), render: (_, a) => a.assessedByName ?? t('common.empty') },
        { key: 'note', title: t('hazards.form.note'), render: (_, a) => a.note ?? t('common.empty') },
      ]}
    />
  );
}

/** One risk point: its description, its level history, a new assessment, retirement. */
export function RiskPointDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const point = useRiskPoint(id);
  const writes = useRiskWrites(id);
  const showError = useApiError();
  const [form] = Form.useForm<AssessmentInput & { note?: string }>();
  const [assessing, setAssessing] = useState(false);
  const p = point.data;

  const assess = (values: AssessmentInput & { note?: string }) =>
    writes.assess.mutate(
      { ...values, version: p!.version, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t('hazards.risks.detail.assessed'));
          setAssessing(false);
          form.resetFields();
        },
        onError: (error) => showError(error, form),
      },
    );
  const retire = () =>
    writes.retire.mutate(p!.version, {
      onSuccess: () => {
        void message.success(t('hazards.risks.detail.retired'));
        onClose();
      },
      onError: (error) => showError(error),
    });

  return (
    <Drawer title={p ? `${p.place} · ${p.enterpriseName}` : t('hazards.risks.detail.title')} open onClose={onClose} size={760} data-testid="risk-detail">
      <QueryError error={point.error} />
      {!p ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('hazards.risks.field.level')}>
              <Space>
                <RiskLevelTag level={p.level} />
                <Typography.Text type="secondary">{`${p.method}：${inputsText(p.method, p.inputs)} = ${p.score}`}</Typography.Text>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('hazards.risks.field.hazardFactors')}>{p.hazardFactors}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.risks.field.accidentTypes')}>
              {p.accidentTypes.map((code) => label(ACCIDENT_TYPES.find((type) => type.code === code) ?? { 'zh-CN': code, en: code })).join(t('common.listSeparator')) || t('common.empty')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazards.risks.field.controlMeasures')}>{p.controlMeasures}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.risks.field.responsiblePerson')}>{p.responsiblePerson ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.risks.field.thresholdsSource')}>
              <Typography.Text type="secondary">{p.thresholdsSource}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {!p.retiredAt && (
            <Space>
              <Button type="primary" onClick={() => setAssessing((open) => !open)} data-testid="risk-reassess">
                {t('hazards.risks.detail.reassess')}
              </Button>
              <Popconfirm title={t('hazards.risks.detail.retireConfirm')} onConfirm={retire} okButtonProps={{ 'data-testid': 'risk-retire-confirm' } as ButtonProps}>
                <Button danger loading={writes.retire.isPending} data-testid="risk-retire">
                  {t('hazards.risks.detail.retire')}
                </Button>
              </Popconfirm>
            </Space>
          )}
          {assessing && (
            <Form form={form} layout="vertical" onFinish={assess} data-testid="risk-assess-form">
              <AssessmentFields form={form} prefix={[]} />
              <Form.Item name="note" label={t('hazards.form.note')} rules={[{ max: 1000 }]}>
                <Input data-testid="risk-assess-note" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={writes.assess.isPending} data-testid="risk-assess-submit">
                {t('hazards.risks.detail.saveAssessment')}
              </Button>
            </Form>
          )}
          <Typography.Title level={5}>{t('hazards.risks.history.title')}</Typography.Title>
          <History point={p} />
        </Space>
      )}
    </Drawer>
  );
}
