import { DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { CATEGORY_CODES, startFieldOf, useCategoryName } from './categories';
import { DATE_FIELDS, type PersonDetail, type PersonPatch } from './persons.types';
import { useUpdatePerson } from './useSavePerson';

type DateField = (typeof DATE_FIELDS)[number];

interface Values extends Partial<Record<DateField, Dayjs | null>> {
  category: string;
  categoryReason?: string;
}

/** Category and dates: the server recomputes the measures and keeps the previous plan. Mounted while open. */
export function ChangePersonModal({ person, onClose, onSaved }: { person: PersonDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePerson(person.id);
  const showError = useApiError();
  const categoryName = useCategoryName();
  const category = Form.useWatch('category', form) ?? person.category;
  const categoryChanged = category !== person.category;
  const startField = startFieldOf(category);

  const initial: Values = { category: person.category };
  for (const field of DATE_FIELDS) initial[field] = person[field] ? dayjs(person[field]) : null;

  const submit = (values: Values) => {
    const patch: PersonPatch = { version: person.version };
    if (categoryChanged) {
      patch.category = values.category;
      patch.categoryReason = values.categoryReason?.trim();
    }
    for (const field of DATE_FIELDS) {
      const next = values[field] ? values[field].format('YYYY-MM-DD') : null;
      if (next !== person[field]) patch[field] = next;
    }
    update.mutate(patch, {
      onSuccess: onSaved,
      onError: (error) => {
        showError(error, form);
        if (isApiError(error, 409)) onClose();
      },
    });
  };

  return (
    <Modal
      title={t('epidemic.persons.detail.changeTitle')}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'person-change-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="person-change-form">
        <Form.Item name="category" label={t('epidemic.persons.field.category')} rules={[{ required: true }]}>
          <Select options={CATEGORY_CODES.map((code) => ({ value: code, label: categoryName(code) }))} data-testid="person-change-category" />
        </Form.Item>
        {categoryChanged && (
          <Form.Item name="categoryReason" label={t('epidemic.persons.detail.categoryReason')} extra={t('epidemic.persons.detail.categoryReasonHint')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input.TextArea rows={2} data-testid="person-change-reason" />
          </Form.Item>
        )}
        {DATE_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`epidemic.persons.field.${field}`)} required={field === startField}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid={`person-change-${field}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
