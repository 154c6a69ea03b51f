import { DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { responsibilityApi } from './responsibility.api';
import type { Letter, LetterChange } from './responsibility.types';
import { useResponsibilityMutation } from './useResponsibility';

interface Values {
  signedOn?: Dayjs;
  signer?: string;
  reason?: string;
}

/** Records the signing (day and signer), a return for changes (reason) or a reissue. */
export function LetterStatusModal({ letter, to, onClose }: { letter: Letter; to: LetterChange['status']; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useResponsibilityMutation(({ id, body }: { id: string; body: LetterChange & { version: number } }) => responsibilityApi.changeLetter(id, body));
  const showError = useApiError();

  const submit = (values: Values) => {
    const body: LetterChange =
      to === 'signed' ? { status: 'signed', signedOn: values.signedOn!.format('YYYY-MM-DD'), signer: values.signer!.trim() } : to === 'returned' ? { status: 'returned', reason: values.reason!.trim() } : { status: 'pending' };
    change.mutate({ id: letter.id, body: { ...body, version: letter.version } }, { onSuccess: onClose, onError: (error) => showError(error, form) });
  };

  return (
    <Modal title={t(`responsibility.letters.change.${to}`, { unit: letter.unitName })} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={change.isPending} okButtonProps={{ 'data-testid': 'letter-change-ok' } as ButtonProps} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ signedOn: dayjs() }}>
        {to === 'signed' && (
          <>
            <Form.Item name="signedOn" label={t('responsibility.letters.signedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="signer" label={t('responsibility.letters.signer')} rules={[{ required: true, whitespace: true, max: 50 }]} extra={t('responsibility.letters.signerHint')}>
              <Input data-testid="letter-signer" />
            </Form.Item>
          </>
        )}
        {to === 'returned' && (
          <Form.Item name="reason" label={t('responsibility.letters.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {to === 'pending' && <Typography.Paragraph>{t('responsibility.letters.reissueHint')}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}
