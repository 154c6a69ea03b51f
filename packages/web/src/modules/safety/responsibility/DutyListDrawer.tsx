import { Button, Descriptions, Drawer, Form, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { formatDateTime } from '../../../app/formatDateTime';
import { RegionName } from '../../regions/components/RegionName';
import { DutyItemsEditor } from './DutyItemsEditor';
import { PrincipleTag } from './PrincipleTag';
import { responsibilityApi } from './responsibility.api';
import type { DutyItem, DutyList } from './responsibility.types';
import { useResponsibilityMutation } from './useResponsibility';

interface Values {
  post: string;
  items: Array<{ text: string; basis?: string | null }>;
}

/** One duty list: read, or edited over the version read. */
export function DutyListDrawer({ list, editable, onClose }: { list: DutyList; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [current, setCurrent] = useState(list);
  const save = useResponsibilityMutation(({ id, body }: { id: string; body: { version: number; post: string; items: DutyItem[] } }) => responsibilityApi.updateList(id, body));
  const remove = useResponsibilityMutation(({ id, version }: { id: string; version: number }) => responsibilityApi.deleteList(id, version));
  const showError = useApiError();

  const submit = (values: Values) =>
    save.mutate(
      { id: current.id, body: { version: current.version, post: values.post.trim(), items: values.items.map((item) => ({ text: item.text.trim(), basis: item.basis?.trim() || null })) } },
      {
        onSuccess: (next) => {
          setCurrent(next);
          setEditing(false);
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Drawer
      title={`${current.unitName} · ${current.post}`}
      open
      onClose={onClose}
      size={680}
      data-testid="duty-list-drawer"
      extra={
        editable && (
          <Space>
            {editing ? (
              <>
                <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
                <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="duty-list-save">
                  {t('common.save')}
                </Button>
              </>
            ) : (
              <>
                <Popconfirm title={t('responsibility.lists.deleteConfirm')} onConfirm={() => remove.mutate({ id: current.id, version: current.version }, { onSuccess: onClose, onError: (error) => showError(error) })}>
                  <Button danger loading={remove.isPending}>
                    {t('responsibility.delete')}
                  </Button>
                </Popconfirm>
                <Button onClick={() => setEditing(true)} data-testid="duty-list-edit">
                  {t('common.edit')}
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'region', label: t('responsibility.unit.region'), children: <RegionName code={current.regionCode} /> },
          { key: 'principle', label: t('responsibility.principle'), children: <PrincipleTag principle={current.principle} /> },
          { key: 'updated', label: t('responsibility.updatedAt'), children: `${formatDateTime(current.updatedAt)} ${current.updatedBy ?? ''}` },
        ]}
      />
      {editing ? (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ post: current.post, items: current.items.map((item) => ({ text: item.text, basis: item.basis ?? '' })) }}>
          <Form.Item name="post" label={t('responsibility.lists.post')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <DutyItemsEditor />
        </Form>
      ) : (
        <List
          size="small"
          bordered
          dataSource={current.items}
          data-testid="duty-list-items"
          renderItem={(item, index) => (
            <List.Item>
              <div>
                <Typography.Text>{`${index + 1}. ${item.text}`}</Typography.Text>
                {item.basis && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('responsibility.items.basisShown', { basis: item.basis })}
                    </Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
