import { ACCOUNTABILITY_MEASURES, ACCOUNTABILITY_STATUS_LABELS, type AccountabilityStatus, type AccountabilitySubjectKind } from '@shoutu/domain';
import { DatePicker, Form, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../responsibility/useLabel';

/** A decision needs a measure fit for the subject (问责方式), who decided and the day; a dismissal no measure. */
export function DecisionFields({ statuses, subjectKind }: { statuses: readonly AccountabilityStatus[]; subjectKind: AccountabilitySubjectKind }) {
  const { t } = useTranslation();
  const label = useLabel();
  const status = Form.useWatch<AccountabilityStatus | undefined>('status');
  const decided = status !== undefined && status !== 'investigating';
  const withMeasure = status === 'decided';
  const measures = ACCOUNTABILITY_MEASURES.filter((measure) => (measure.subjects as readonly string[]).includes(subjectKind));
  return (
    <>
      <Form.Item name="status" label={t('accountability.record.status')} rules={[{ required: true }]}>
        <Select data-testid="decision-status" options={statuses.map((value) => ({ value, label: label(ACCOUNTABILITY_STATUS_LABELS[value]) }))} />
      </Form.Item>
      {withMeasure && (
        <Form.Item name="measure" label={t('accountability.record.measure')} rules={[{ required: true }]} extra={t('accountability.record.measureHint')}>
          <Select
            data-testid="decision-measure"
            options={measures.map((measure) => ({
              value: measure.code,
              label: (
                <span>
                  {label(measure.label)} {measure.verify && <Tag color="gold">{t('accountability.verify')}</Tag>}
                </span>
              ),
            }))}
          />
        </Form.Item>
      )}
      {decided && (
        <>
          <Form.Item name="decidedBy" label={t('accountability.record.decidedBy')} rules={[{ required: true, whitespace: true, max: 100 }]} extra={t('accountability.record.decidedByHint')}>
            <Input data-testid="decision-decidedBy" />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('accountability.record.decidedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="decision-decidedOn" />
          </Form.Item>
        </>
      )}
    </>
  );
}
