import { DatePicker, Form, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { accidentsApi } from './accidents.api';
import type { AccidentDetail } from './accidents.types';
import { toInstant } from './ReportAccidentDrawer';
import { useAccidentAction } from './useAccidentAction';

interface Values {
  level: string;
  reportedAt: Dayjs;
}

/** Records when a regulator level received the report; only levels still owed are offered. */
export function LevelReportModal({ accident, onClose }: { accident: AccidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useAccidentAction(accident.id, (body: { level: string; reportedAt: string }) => accidentsApi.reportToLevel(accident.id, body));
  const showError = useApiError();
  const owed = accident.reporting.owed;
  return (
    <Modal open title={t('accidents.clock.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending} okButtonProps={{ 'data-testid': 'level-report-submit' } as ButtonProps}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ level: owed[0]?.level, reportedAt: dayjs() }}
        onFinish={(v) => record.mutate({ level: v.level, reportedAt: toInstant(v.reportedAt) }, { onSuccess: onClose, onError: (error) => showError(error, form) })}
      >
        <Form.Item name="level" label={t('accidents.clock.level')} rules={[{ required: true }]}>
          <Select options={owed.map((l) => ({ value: l.level, label: t(`accidents.level.${l.level}`) }))} data-testid="level-report-level" />
        </Form.Item>
        <Form.Item name="reportedAt" label={t('accidents.clock.reportedAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="level-report-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
