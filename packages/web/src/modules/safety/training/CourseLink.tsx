import { LinkOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where a course is watched or read: its link, its file reference, or a note that neither is given. */
export function CourseLink({ link, fileRef }: { link: string | null; fileRef: string | null }) {
  const { t } = useTranslation();
  if (link) {
    return (
      <Typography.Link href={link} target="_blank" rel="noopener noreferrer">
        <LinkOutlined /> {t('training.course.open')}
      </Typography.Link>
    );
  }
  if (fileRef) return <>{t('training.course.file', { ref: fileRef })}</>;
  return <Typography.Text type="secondary">{t('training.course.noLink')}</Typography.Text>;
}
