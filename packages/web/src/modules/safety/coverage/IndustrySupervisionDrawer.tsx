import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { IndustrySelect } from '../enterprises/IndustrySelect';
import { useSupervisingUnits } from '../enterprises/useEnterprises';
import type { IndustrySupervision } from './coverage.types';
import { useSaveIndustrySupervision } from './useCoverage';

interface Values {
  items: Array<{ industryPrefix?: string; unitIds?: string[] }>;
}

/** Edits the whole mapping; the server takes it only if nobody changed it since it was read. */
export function IndustrySupervisionDrawer({ mapping, onClose }: { mapping: IndustrySupervision; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveIndustrySupervision();
  const showError = useApiError();
  const units = useSupervisingUnits();
  // Departments already mapped may lie outside the ones that serve this ground (another district's bureau): named, not changeable.
  const options = new Map<string, { value: string; label: string; disabled: boolean }>();
  for (const item of mapping.items) for (const unit of item.units) options.set(unit.id, { value: unit.id, label: unit.name, disabled: true });
  for (const unit of units.data?.items ?? []) options.set(unit.id, { value: unit.id, label: unit.name, disabled: !unit.withinGround });
  const unitOptions = [...options.values()];

  const submit = (values: Values) => {
    const items = values.items.filter((item) => item.industryPrefix).map((item) => ({ industryPrefix: item.industryPrefix!, unitIds: item.unitIds ?? [] }));
    save.mutate(
      { version: mapping.version, items },
      {
        onSuccess: () => {
          void message.success(t('safety.mapping.saved'));
          onClose();
        },
        onError: (error) => {
          showError(error);
          if (isApiError(error, 409)) onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open
      size={720}
      title={t('safety.mapping.editTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="mapping-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('safety.mapping.editHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        onFinish={submit}
        initialValues={{ items: mapping.items.map((item) => ({ industryPrefix: item.industryPrefix, unitIds: item.units.map((unit) => unit.id) })) }}
        data-testid="mapping-form"
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'industryPrefix']} style={{ width: 240, marginBottom: 0 }} rules={[{ required: true, message: t('safety.enterprises.validation.industryRequired') }]}>
                    <IndustrySelect />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitIds']} style={{ flex: 1, marginBottom: 0 }}>
                    <Select mode="multiple" options={unitOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('safety.enterprises.supervisorsPlaceholder')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('safety.mapping.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unitIds: [] })} data-testid="mapping-add">
                {t('safety.mapping.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
