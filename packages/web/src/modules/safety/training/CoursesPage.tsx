import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { CourseFormDrawer } from './CourseFormDrawer';
import { CourseLink } from './CourseLink';
import type { Course } from './training.types';
import { useCourses } from './useTraining';

/** The course library (课程库): videos and documents every unit may train with. */
export default function CoursesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('training:manage');
  const [q, setQ] = useState('');
  const courses = useCourses(q);
  const [editing, setEditing] = useState<Course | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('training.courses.title')}
        description={t('training.courses.description')}
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="course-add">
              {t('training.courses.add')}
            </Button>
          )
        }
      />
      <Card>
        <Input.Search allowClear placeholder={t('training.courses.search')} onSearch={(value) => setQ(value.trim())} style={{ maxWidth: 360, marginBottom: 16 }} data-testid="courses-search" />
        <QueryError error={courses.error} />
        <Table<Course>
          rowKey="id"
          loading={courses.isLoading}
          dataSource={courses.items}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="courses-table"
          columns={[
            {
              title: t('training.course.title'),
              dataIndex: 'title',
              render: (title: string, course) => (
                <>
                  <Typography.Text strong>{title}</Typography.Text> {course.isDemo && <Tag>{t('training.demo')}</Tag>}
                  {course.summary && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {course.summary}
                    </Typography.Paragraph>
                  )}
                </>
              ),
            },
            { title: t('training.course.source'), dataIndex: 'source', width: 200 },
            { title: t('training.course.kind'), dataIndex: 'kind', width: 90, render: (kind: Course['kind']) => t(`training.courseKind.${kind}`) },
            { title: t('training.course.duration'), dataIndex: 'durationMinutes', width: 100, render: (minutes: number) => t('training.minutesValue', { n: minutes }) },
            { title: t('training.course.where'), key: 'link', width: 160, render: (_, course) => <CourseLink link={course.link} fileRef={course.fileRef} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, course) =>
                course.canEdit && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(course)}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
        <LoadMore hasMore={courses.hasMore} loading={courses.isLoadingMore} onLoadMore={courses.loadMore} testId="courses-load-more" />
      </Card>
      {editing && <CourseFormDrawer course={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
