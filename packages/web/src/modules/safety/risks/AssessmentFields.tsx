import { assessLec, assessLs, LEC_C_SCALE, LEC_E_SCALE, LEC_L_SCALE, type RiskAssessment, type RiskThresholds } from '@shoutu/domain';
import { Alert, Form, Radio, Select, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../hazards/useLabel';
import { RiskLevelTag } from './RiskLevelTag';
import type { AssessmentInput } from './risks.types';
import { useThresholds } from './useRisks';

const GRADES = [1, 2, 3, 4, 5];

/** The level the server will compute, by the same domain rule and the bands in force; null until the inputs are complete. */
function preview(input: Partial<AssessmentInput> | undefined, thresholds: RiskThresholds | undefined): RiskAssessment | null {
  if (!input || !thresholds) return null;
  try {
    if (input.method === 'LS' && input.likelihood !== undefined && input.severity !== undefined) return assessLs({ likelihood: input.likelihood, severity: input.severity }, thresholds);
    if (input.method === 'LEC' && input.l !== undefined && input.e !== undefined && input.c !== undefined) return assessLec({ l: input.l, e: input.e, c: input.c }, thresholds);
  } catch {
    return null;
  }
  return null;
}

/** LS (likelihood × severity, 1–5 each) or LEC (Graham–Kinney scales), with the level it gives. `prefix` nests the fields in the form. */
export function AssessmentFields({ form, prefix }: { form: FormInstance; prefix: string[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const thresholds = useThresholds();
  const name = (field: string) => [...prefix, field];
  const input = Form.useWatch((values: Record<string, unknown>) => prefix.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], values), form) as Partial<AssessmentInput> | undefined;
  const method = Form.useWatch(name('method'), form) as AssessmentInput['method'] | undefined;
  const result = preview(input, thresholds.data);
  const scale = (values: readonly { value: number; 'zh-CN': string; en: string }[]) => values.map((s) => ({ value: s.value, label: `${s.value} — ${label(s)}` }));

  return (
    <>
      <Form.Item name={name('method')} label={t('hazards.risks.form.method')} rules={[{ required: true }]} initialValue="LS">
        <Radio.Group
          options={[
            { value: 'LS', label: t('hazards.risks.method.LS') },
            { value: 'LEC', label: t('hazards.risks.method.LEC') },
          ]}
          data-testid="risk-form-method"
        />
      </Form.Item>
      {method !== 'LEC' ? (
        <Space wrap>
          <Form.Item name={name('likelihood')} label={t('hazards.risks.form.likelihood')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={GRADES.map((g) => ({ value: g, label: String(g) }))} data-testid="risk-form-likelihood" />
          </Form.Item>
          <Form.Item name={name('severity')} label={t('hazards.risks.form.severity')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={GRADES.map((g) => ({ value: g, label: String(g) }))} data-testid="risk-form-severity" />
          </Form.Item>
        </Space>
      ) : (
        <>
          <Form.Item name={name('l')} label={t('hazards.risks.form.l')} rules={[{ required: true }]}>
            <Select options={scale(LEC_L_SCALE)} data-testid="risk-form-l" />
          </Form.Item>
          <Form.Item name={name('e')} label={t('hazards.risks.form.e')} rules={[{ required: true }]}>
            <Select options={scale(LEC_E_SCALE)} data-testid="risk-form-e" />
          </Form.Item>
          <Form.Item name={name('c')} label={t('hazards.risks.form.c')} rules={[{ required: true }]}>
            <Select options={scale(LEC_C_SCALE)} data-testid="risk-form-c" />
          </Form.Item>
        </>
      )}
      <Alert
        type={result ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="risk-form-preview"
        title={
          result ? (
            <Space wrap>
              {t('hazards.risks.form.preview', { score: result.score })}
              <RiskLevelTag level={result.level} />
            </Space>
          ) : (
            t('hazards.risks.form.previewPending')
          )
        }
        description={thresholds.data && <Typography.Text type="secondary">{t('hazards.risks.thresholds.source', { source: thresholds.data.source })}</Typography.Text>}
      />
    </>
  );
}
