import { Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { SessionDetail, SessionMode } from './training.types';
import { useCandidates, useCourses, useCreateSession } from './useTraining';

interface Values {
  courseId: string;
  title?: string;
  mode: SessionMode;
  place?: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  requiredMinutes?: number | null;
  unitIds?: string[];
  userIds?: string[];
}

/** Organises a session: a course, a time, and who must attend (units and named accounts of the ground). */
export function SessionFormDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (session: SessionDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const courses = useCourses('');
  const candidates = useCandidates(true);
  const create = useCreateSession();
  const showError = useApiError();
  const courseId = Form.useWatch('courseId', form);
  const course = courses.items.find((c) => c.id === courseId);

  const submit = (values: Values) =>
    create.mutate(
      {
        courseId: values.courseId,
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
        mode: values.mode,
        place: values.place?.trim() || null,
        startsAt: values.startsAt.format(),
        endsAt: values.endsAt ? values.endsAt.format() : null,
        ...(values.requiredMinutes ? { requiredMinutes: values.requiredMinutes } : {}),
        targets: { unitIds: values.unitIds ?? [], userIds: values.userIds ?? [] },
      },
      { onSuccess: onCreated, onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('training.sessions.add')}
      open
      onClose={onClose}
      size={620}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="session-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'in_person' }} autoComplete="off" data-testid="session-form">
        <Form.Item name="courseId" label={t('training.session.course')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={courses.isLoading} options={courses.items.map((c) => ({ value: c.id, label: c.title }))} data-testid="session-course" />
        </Form.Item>
        <Form.Item name="title" label={t('training.session.title')} extra={t('training.session.titleHint')} rules={[{ max: 200 }]}>
          <Input placeholder={course?.title} />
        </Form.Item>
        <Form.Item name="mode" label={t('training.session.mode')}>
          <Radio.Group options={(['in_person', 'online'] as const).map((mode) => ({ value: mode, label: t(`training.mode.${mode}`) }))} />
        </Form.Item>
        <Form.Item name="place" label={t('training.session.place')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsAt" label={t('training.session.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="session-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('training.session.endsAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="requiredMinutes" label={t('training.session.requiredMinutes')} extra={course ? t('training.session.requiredHint', { minutes: course.durationMinutes }) : undefined}>
            <InputNumber min={1} max={1440} precision={0} suffix={t('training.minutes')} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="unitIds" label={t('training.session.units')} extra={t('training.session.unitsHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isLoading}
            options={(candidates.data?.units ?? []).map((u) => ({ value: u.id, label: `${u.name}（${t('training.session.members', { n: u.members })}）` }))}
            data-testid="session-units"
          />
        </Form.Item>
        <Form.Item name="userIds" label={t('training.session.accounts')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isLoading}
            options={(candidates.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.unitName ? `${a.displayName}（${a.unitName}）` : a.displayName }))}
            data-testid="session-accounts"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
