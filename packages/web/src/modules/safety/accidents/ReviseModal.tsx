import { Col, Form, Input, InputNumber, Modal, Row, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { accidentsApi } from './accidents.api';
import type { AccidentDetail, AccidentRevisionInput } from './accidents.types';
import { LiveGrade } from './LiveGrade';
import { useAccidentAction } from './useAccidentAction';

type Values = Omit<AccidentRevisionInput, 'version'>;
const COUNT_PROPS = { min: 0, precision: 0, style: { width: '100%' } } as const;

/** A supplementary report (续报 / 补报): the figures as they now stand, and why they changed. */
export function ReviseModal({ accident, onClose }: { accident: AccidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const revise = useAccidentAction(accident.id, (body: AccidentRevisionInput) => accidentsApi.revise(accident.id, body));
  const showError = useApiError();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  return (
    <Modal
      open
      title={t('accidents.revisions.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={revise.isPending}
      okButtonProps={{ 'data-testid': 'revise-submit' } as ButtonProps}
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ deaths: accident.deaths, seriousInjuries: accident.seriousInjuries, missing: accident.missing, directLossYuan: accident.directLossYuan }}
        onFinish={(v) => revise.mutate({ ...v, version: accident.version }, { onSuccess: onClose, onError: (error) => showError(error, form) })}
        data-testid="revise-form"
      >
        <LiveGrade deaths={values?.deaths} seriousInjuries={values?.seriousInjuries} directLossYuan={values?.directLossYuan} context={accident.context} />
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="deaths" label={t('accidents.field.deaths')} rules={[{ required: true }]}>
              <InputNumber {...COUNT_PROPS} data-testid="revise-deaths" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="seriousInjuries" label={t('accidents.field.seriousInjuries')} rules={[{ required: true }]}>
              <InputNumber {...COUNT_PROPS} data-testid="revise-seriousInjuries" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="missing" label={t('accidents.field.missing')} rules={[{ required: true }]}>
              <InputNumber {...COUNT_PROPS} data-testid="revise-missing" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="directLossYuan" label={t('accidents.field.directLossYuan')} rules={[{ required: true }]}>
          <InputNumber {...COUNT_PROPS} max={1e15} data-testid="revise-directLossYuan" />
        </Form.Item>
        <Form.Item name="reason" label={t('accidents.revisions.reasonLabel')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} data-testid="revise-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
