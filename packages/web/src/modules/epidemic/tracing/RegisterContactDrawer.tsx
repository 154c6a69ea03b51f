import { normalizeMobile, validateResidentId } from '@shoutu/domain';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { EXPOSURE_SETTINGS, type ContactRegistered, type ExposureSetting } from './tracing.types';
import { useRegisterContact } from './useTracing';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  gridCode?: string;
  address?: string;
  category: 'close_contact' | 'secondary_contact';
  setting?: ExposureSetting;
  date?: Dayjs;
  note?: string;
}

/** Registers a contact of one person in one step: the person (found or registered) and the exposure. */
export function RegisterContactDrawer({ source, onClose, onRegistered }: { source: { id: string; name: string }; onClose: () => void; onRegistered: (result: ContactRegistered) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegisterContact(source.id);
  const showError = useApiError();

  const submit = (values: Values) => {
    register.mutate(
      {
        name: values.name.trim(),
        idNumber: values.idNumber.trim(),
        phone: values.phone.trim(),
        gridCode: values.gridCode ?? '',
        category: values.category,
        setting: values.setting!,
        date: values.date!.format('YYYY-MM-DD'),
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      { onSuccess: onRegistered, onError: (error) => showError(error, form) },
    );
  };

  return (
    <Drawer
      title={t('epidemicOps.tracing.register.title', { name: source.name })}
      open
      onClose={onClose}
      size={520}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()} data-testid="contact-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('epidemicOps.tracing.register.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={{ category: 'close_contact' }} data-testid="contact-form">
        <Form.Item name="name" label={t('epidemicOps.field.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input data-testid="contact-form-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('epidemicOps.field.idNumber')}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true },
            { validator: (_, value?: string) => (!value?.trim() || validateResidentId(value).ok ? Promise.resolve() : Promise.reject(new Error(t('epidemicOps.validation.idNumber')))) },
          ]}
        >
          <Input maxLength={18} data-testid="contact-form-idNumber" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('epidemicOps.field.phone')}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true },
            { validator: (_, value?: string) => (!value?.trim() || normalizeMobile(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('epidemicOps.validation.phone')))) },
          ]}
        >
          <Input data-testid="contact-form-phone" />
        </Form.Item>
        <Form.Item
          name="gridCode"
          label={t('epidemicOps.field.grid')}
          extra={t('epidemicOps.hint.grid')}
          rules={[{ required: true }, { validator: (_, value?: string) => (!value || /^\d{12}$/.test(value) ? Promise.resolve() : Promise.reject(new Error(t('epidemicOps.validation.grid')))) }]}
        >
          <RegionTreeSelect single data-testid="contact-form-gridCode" />
        </Form.Item>
        <Form.Item name="address" label={t('epidemicOps.field.address')} rules={[{ max: 200 }]}>
          <Input data-testid="contact-form-address" />
        </Form.Item>
        <Form.Item name="category" label={t('epidemicOps.tracing.field.category')}>
          <Radio.Group data-testid="contact-form-category">
            <Radio value="close_contact">{t('epidemicOps.tracing.contactCategory.close_contact')}</Radio>
            <Radio value="secondary_contact">{t('epidemicOps.tracing.contactCategory.secondary_contact')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="setting" label={t('epidemicOps.tracing.field.setting')} rules={[{ required: true }]}>
          <Select options={EXPOSURE_SETTINGS.map((s) => ({ value: s, label: t(`epidemicOps.setting.${s}`) }))} data-testid="contact-form-setting" />
        </Form.Item>
        <Form.Item name="date" label={t('epidemicOps.tracing.field.date')} extra={t('epidemicOps.tracing.register.dateHint')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="contact-form-date" />
        </Form.Item>
        <Form.Item name="note" label={t('epidemicOps.tracing.field.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="contact-form-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
