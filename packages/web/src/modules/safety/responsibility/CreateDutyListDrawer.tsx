import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { responsibilityApi } from './responsibility.api';
import type { DutyList, UnitInput } from './responsibility.types';
import { UnitFields } from './UnitFields';
import { useDutyTemplates, useResponsibilityMutation } from './useResponsibility';

type Values = UnitInput & { templateId: string; post?: string };

/** A unit's duty list for one post, copied from a template; its items are edited afterwards. */
export function CreateDutyListDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (list: DutyList) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const templates = useDutyTemplates();
  const create = useResponsibilityMutation(responsibilityApi.createList);
  const showError = useApiError();
  const templateId = Form.useWatch('templateId', form);
  const template = templates.data?.items.find((item) => item.id === templateId);

  const submit = (values: Values) => create.mutate({ ...values, post: values.post?.trim() || null }, { onSuccess: onCreated, onError: (error) => showError(error, form) });

  return (
    <Drawer
      title={t('responsibility.lists.new')}
      open
      onClose={onClose}
      size={560}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="duty-list-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" data-testid="duty-list-form">
        <Form.Item name="templateId" label={t('responsibility.lists.template')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={templates.isLoading}
            options={(templates.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.post} · ${item.name}` }))}
            data-testid="duty-list-template"
          />
        </Form.Item>
        {template && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('responsibility.lists.fromTemplate', { count: template.items.length })} />}
        <UnitFields kinds={template?.unitKinds} />
        <Form.Item name="post" label={t('responsibility.lists.post')} extra={t('responsibility.lists.postHint', { post: template?.post ?? '' })} rules={[{ max: 50 }]}>
          <Input placeholder={template?.post} data-testid="duty-list-post" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
