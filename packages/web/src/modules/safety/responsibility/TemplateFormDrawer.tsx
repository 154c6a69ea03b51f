import { Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { DutyItemsEditor } from './DutyItemsEditor';
import { responsibilityApi } from './responsibility.api';
import type { DutyTemplate } from './responsibility.types';
import { useResponsibilityMutation } from './useResponsibility';

interface Values {
  name: string;
  post: string;
  source?: string;
  items: Array<{ text: string; basis?: string | null }>;
}

/** Edits a template over the version read; lists already made from it keep their own items. */
export function TemplateFormDrawer({ template, onClose }: { template: DutyTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useResponsibilityMutation(({ id, body }: { id: string; body: Parameters<typeof responsibilityApi.updateTemplate>[1] }) => responsibilityApi.updateTemplate(id, body));
  const showError = useApiError();
  // A duty whose text is kept keeps its [verify] mark; a new or rewritten one is the city's own wording.
  const verified = new Map(template.items.map((item) => [item.text, item.verify]));
  const submit = (values: Values) =>
    save.mutate(
      {
        id: template.id,
        body: {
          version: template.version,
          name: values.name.trim(),
          post: values.post.trim(),
          source: values.source?.trim() || null,
          items: values.items.map((item) => ({ text: item.text.trim(), basis: item.basis?.trim() || null, verify: verified.get(item.text.trim()) ?? false })),
        },
      },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('responsibility.templates.edit', { post: template.post })}
      open
      onClose={onClose}
      size={720}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('responsibility.templates.editHint')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ name: template.name, post: template.post, source: template.source ?? '', items: template.items.map((item) => ({ text: item.text, basis: item.basis ?? '' })) }}>
        <Form.Item name="name" label={t('responsibility.templates.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="post" label={t('responsibility.lists.post')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="source" label={t('responsibility.templates.sourceLabel')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <DutyItemsEditor />
      </Form>
    </Drawer>
  );
}
