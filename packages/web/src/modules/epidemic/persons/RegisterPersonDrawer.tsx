import { normalizeMobile, validateResidentId } from '@shoutu/domain';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { CATEGORY_CODES, startFieldOf, useCategoryName } from './categories';
import { DATE_FIELDS, type PersonDetail, type PersonRegistration } from './persons.types';
import { useRegisterPerson } from './useSavePerson';

type DateField = (typeof DATE_FIELDS)[number];

interface Values extends Partial<Record<DateField, Dayjs | null>> {
  name: string;
  idNumber: string;
  phone: string;
  gridCode?: string;
  category?: string;
  address?: string;
}

const ID_MESSAGES = { format: 'idFormat', birth_date: 'idBirthDate', checksum: 'idChecksum' } as const;

function toRegistration(values: Values): PersonRegistration {
  const registration: PersonRegistration = {
    name: values.name.trim(),
    idNumber: values.idNumber.trim(),
    phone: values.phone.trim(),
    gridCode: values.gridCode ?? '',
    category: values.category ?? '',
  };
  if (values.address?.trim()) registration.address = values.address.trim();
  for (const field of DATE_FIELDS) {
    const value = values[field];
    if (value) registration[field] = value.format('YYYY-MM-DD');
  }
  return registration;
}

/** Mounted while open, so every opening starts from a fresh form. */
export function RegisterPersonDrawer({ onClose, onRegistered }: { onClose: () => void; onRegistered: (person: PersonDetail) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const register = useRegisterPerson();
  const showError = useApiError();
  const categoryName = useCategoryName();
  const category = Form.useWatch('category', form);
  const startField = category ? startFieldOf(category) : undefined;

  const offerExisting = (personId: string | null | undefined) => {
    if (personId) {
      modal.confirm({
        title: t('epidemic.persons.exists.title'),
        content: t('epidemic.persons.exists.visible'),
        okText: t('epidemic.persons.exists.open'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'person-exists-open' } as ButtonProps,
        onOk: () => navigate(`/epidemic/persons/${personId}`),
      });
    } else {
      modal.warning({ title: t('epidemic.persons.exists.title'), content: t('epidemic.persons.exists.elsewhere') });
    }
  };

  const submit = (values: Values) => {
    register.mutate(toRegistration(values), {
      onSuccess: onRegistered,
      onError: (error) => {
        if (isApiError(error, 409) && error.code === 'person_exists') {
          offerExisting((error.problem as { personId?: string | null } | null)?.personId);
          return;
        }
        showError(error, form);
      },
    });
  };

  const notFuture = (current: Dayjs) => current.isAfter(dayjs(), 'day');

  return (
    <Drawer
      title={t('epidemic.persons.registerTitle')}
      open
      onClose={onClose}
      size={560}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()} data-testid="person-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off" data-testid="person-form">
        <Form.Item name="name" label={t('epidemic.persons.field.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input data-testid="person-form-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('epidemic.persons.field.idNumber')}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true },
            {
              // The same rule as the server's (GB 11643-1999), from the shared domain package.
              validator: (_, value?: string) => {
                if (!value?.trim()) return Promise.resolve();
                const result = validateResidentId(value);
                return result.ok ? Promise.resolve() : Promise.reject(new Error(t(`epidemic.persons.validation.${ID_MESSAGES[result.reason]}`)));
              },
            },
          ]}
        >
          <Input maxLength={18} data-testid="person-form-idNumber" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('epidemic.persons.field.phone')}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true },
            { validator: (_, value?: string) => (!value?.trim() || normalizeMobile(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('epidemic.persons.validation.phone')))) },
          ]}
        >
          <Input data-testid="person-form-phone" />
        </Form.Item>
        <Form.Item
          name="gridCode"
          label={t('epidemic.persons.field.grid')}
          extra={t('epidemic.persons.hint.grid')}
          rules={[
            { required: true },
            { validator: (_, value?: string) => (!value || /^\d{12}$/.test(value) ? Promise.resolve() : Promise.reject(new Error(t('epidemic.persons.validation.gridLevel')))) },
          ]}
        >
          <RegionTreeSelect single data-testid="person-form-gridCode" />
        </Form.Item>
        <Form.Item name="address" label={t('epidemic.persons.field.address')} rules={[{ max: 200 }]}>
          <Input data-testid="person-form-address" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('epidemic.persons.field.category')}
          rules={[{ required: true }]}
          extra={startField ? t('epidemic.persons.hint.startField', { field: t(`epidemic.startField.${startField}`) }) : undefined}
        >
          <Select options={CATEGORY_CODES.map((code) => ({ value: code, label: categoryName(code) }))} data-testid="person-form-category" />
        </Form.Item>
        <Alert type="info" showIcon title={t('epidemic.persons.hint.dates')} style={{ marginBottom: 16 }} />
        {DATE_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`epidemic.persons.field.${field}`)} required={field === startField}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} data-testid={`person-form-${field}`} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
