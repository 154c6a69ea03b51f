import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The items of a duty list or template as form rows: the duty and the provision it comes from. */
export function DutyItemsEditor({ name = 'items' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" data-testid={`duty-item-${index}`}>
              <span style={{ paddingTop: 5, minWidth: 24 }}>{index + 1}.</span>
              <Flex vertical style={{ flex: 1 }}>
                <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]} style={{ marginBottom: 4 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('responsibility.items.text')} />
                </Form.Item>
                <Form.Item name={[field.name, 'basis']} rules={[{ max: 300 }]} style={{ marginBottom: 12 }}>
                  <Input size="small" placeholder={t('responsibility.items.basis')} />
                </Form.Item>
              </Flex>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('responsibility.items.remove')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', basis: '' })} block data-testid="duty-item-add">
            {t('responsibility.items.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
