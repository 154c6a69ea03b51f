import { Button, Drawer, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { Course, CourseInput, CourseKind } from './training.types';
import { useSaveCourse } from './useTraining';

interface Values {
  title: string;
  source: string;
  kind: CourseKind;
  durationMinutes: number;
  link?: string;
  fileRef?: string;
  summary?: string;
}

/** Adds a course to the library or changes one; mounted while open. */
export function CourseFormDrawer({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveCourse();
  const showError = useApiError();

  const submit = (values: Values) => {
    const body: CourseInput = {
      title: values.title.trim(),
      source: values.source.trim(),
      kind: values.kind,
      durationMinutes: values.durationMinutes,
      link: values.link?.trim() || null,
      fileRef: values.fileRef?.trim() || null,
      summary: values.summary?.trim() || null,
    };
    save.mutate({ id: course?.id ?? null, body: { ...body, ...(course ? { version: course.version } : {}) } }, { onSuccess: onClose, onError: (error) => showError(error, form) });
  };

  return (
    <Drawer
      title={course ? t('training.courses.edit') : t('training.courses.add')}
      open
      onClose={onClose}
      size={560}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="course-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={course ? { ...course, link: course.link ?? undefined, fileRef: course.fileRef ?? undefined, summary: course.summary ?? undefined } : { kind: 'video', durationMinutes: 45 }}
        data-testid="course-form"
      >
        <Form.Item name="title" label={t('training.course.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="course-title" />
        </Form.Item>
        <Form.Item name="source" label={t('training.course.source')} rules={[{ required: true, whitespace: true, max: 100 }]} extra={t('training.course.sourceHint')}>
          <Input data-testid="course-source" />
        </Form.Item>
        <Form.Item name="kind" label={t('training.course.kind')} rules={[{ required: true }]}>
          <Radio.Group options={(['video', 'document'] as const).map((kind) => ({ value: kind, label: t(`training.courseKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('training.course.duration')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1440} precision={0} suffix={t('training.minutes')} data-testid="course-duration" />
        </Form.Item>
        <Form.Item name="link" label={t('training.course.link')} rules={[{ type: 'url', max: 500 }]} extra={t('training.course.linkHint')}>
          <Input placeholder="https://" data-testid="course-link" />
        </Form.Item>
        <Form.Item name="fileRef" label={t('training.course.fileRef')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('training.course.summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
