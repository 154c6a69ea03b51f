import { Checkbox, Form, Input, InputNumber, Modal, Radio, Switch, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { SYMPTOMS, type PersonBrief, type TestResult } from './followups.types';
import { useRecordFollowup } from './useFollowups';

interface Values {
  temperature?: number | null;
  symptoms: string[];
  testTaken: boolean;
  testResult?: TestResult;
  note?: string;
}

/** One follow-up of one person for one day: temperature, symptoms, whether a sample was taken and its result. */
export function FollowupModal({ person, date, testDue, onClose, onSaved }: { person: PersonBrief; date: string; testDue: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordFollowup(person.id);
  const showError = useApiError();
  const testTaken = Form.useWatch('testTaken', form);

  const submit = (values: Values) => {
    record.mutate(
      {
        date,
        temperature: values.temperature ?? null,
        symptoms: values.symptoms,
        testTaken: values.testTaken,
        testResult: values.testTaken ? (values.testResult ?? 'pending') : null,
        note: values.note?.trim() || null,
      },
      { onSuccess: onSaved, onError: (error) => showError(error, form) },
    );
  };

  return (
    <Modal
      open
      title={t('epidemicOps.followups.form.title', { name: person.name, date })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'followup-form-submit' } as ButtonProps}
      destroyOnHidden
    >
      {testDue && <Typography.Paragraph type="warning">{t('epidemicOps.followups.testDueHint')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ temperature: 36.5, symptoms: [], testTaken: testDue, testResult: 'negative' }} data-testid="followup-form">
        <Form.Item name="temperature" label={t('epidemicOps.followups.form.temperature')}>
          <InputNumber min={34} max={43} step={0.1} precision={1} suffix="℃" data-testid="followup-form-temperature" />
        </Form.Item>
        <Form.Item name="symptoms" label={t('epidemicOps.followups.form.symptoms')}>
          <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`epidemicOps.symptom.${s}`) }))} data-testid="followup-form-symptoms" />
        </Form.Item>
        <Form.Item name="testTaken" label={t('epidemicOps.followups.form.testTaken')} valuePropName="checked">
          <Switch data-testid="followup-form-testTaken" />
        </Form.Item>
        {testTaken && (
          <Form.Item name="testResult" label={t('epidemicOps.followups.form.testResult')}>
            <Radio.Group data-testid="followup-form-testResult">
              {(['negative', 'positive', 'pending'] as const).map((r) => (
                <Radio key={r} value={r}>
                  {t(`epidemicOps.testResult.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('epidemicOps.followups.form.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="followup-form-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
