import { REGION_LEADER_POST_LABELS, REGION_LEADER_POSTS, type RegionLeaderPost } from '@shoutu/domain';
import { Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { responsibilityApi } from './responsibility.api';
import type { LeaderInput, RegionLeader } from './responsibility.types';
import { useLabel } from './useLabel';
import { useResponsibilityMutation } from './useResponsibility';

interface Values {
  regionCode: string;
  postKind: RegionLeaderPost;
  postTitle: string;
  name: string;
  phone?: string;
  sortOrder?: number;
}

/** Names the holder of a post of a region, or changes it. A phone is only typed in full; it is shown masked. */
export function LeaderFormDrawer({ leader, onClose }: { leader: RegionLeader | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const save = useResponsibilityMutation(({ body }: { body: LeaderInput }) =>
    leader
      ? responsibilityApi.updateLeader(leader.id, { version: leader.version, postKind: body.postKind, postTitle: body.postTitle, name: body.name, sortOrder: body.sortOrder ?? 0, ...(body.phone !== undefined ? { phone: body.phone } : {}) })
      : responsibilityApi.createLeader(body),
  );
  const showError = useApiError();
  const submit = (values: Values) => {
    const phone = values.phone?.trim();
    save.mutate(
      { body: { regionCode: values.regionCode, postKind: values.postKind, postTitle: values.postTitle.trim(), name: values.name.trim(), sortOrder: values.sortOrder ?? 0, ...(phone ? { phone } : leader ? {} : { phone: null }) } },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );
  };

  return (
    <Drawer
      title={leader ? t('responsibility.leaders.edit') : t('responsibility.leaders.new')}
      open
      onClose={onClose}
      size={480}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="leader-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={leader ? { regionCode: leader.regionCode, postKind: leader.postKind, postTitle: leader.postTitle, name: leader.name, sortOrder: leader.sortOrder } : { postKind: 'deputy_safety', sortOrder: 0 }}>
        <Form.Item name="regionCode" label={t('responsibility.unit.region')} rules={[{ required: true }]}>
          <RegionTreeSelect single disabled={leader !== null} />
        </Form.Item>
        <Form.Item name="postKind" label={t('responsibility.leaders.postKind')} rules={[{ required: true }]}>
          <Select options={REGION_LEADER_POSTS.map((post) => ({ value: post, label: label(REGION_LEADER_POST_LABELS[post]) }))} />
        </Form.Item>
        <Form.Item name="postTitle" label={t('responsibility.leaders.post')} rules={[{ required: true, whitespace: true, min: 2, max: 50 }]} extra={t('responsibility.leaders.postHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('responsibility.leaders.name')} rules={[{ required: true, whitespace: true, min: 2, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('responsibility.leaders.phone')} rules={[{ pattern: /^(\+?86)?1[3-9]\d{9}$/, message: t('responsibility.leaders.phoneInvalid') }]} extra={leader?.phone ? t('responsibility.leaders.phoneKeep', { phone: leader.phone }) : t('responsibility.leaders.phoneHint')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('responsibility.leaders.sortOrder')}>
          <InputNumber min={0} max={999} precision={0} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
