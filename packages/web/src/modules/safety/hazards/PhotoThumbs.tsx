import { Image, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { HazardPhoto } from './hazards.types';

/**
 * Photos as thumbnails that open large, each titled with who uploaded it and when. `refs` are ids
 * from a step of the loop; a reference that is no uploaded photo (records from before uploads) is
 * shown as text.
 */
export function PhotoThumbs({ photos, refs, size = 72, testId }: { photos: HazardPhoto[]; refs?: string[]; size?: number; testId?: string }) {
  const { t } = useTranslation();
  const shown = refs ? refs.flatMap((ref) => photos.filter((photo) => photo.id === ref)) : photos;
  const loose = (refs ?? []).filter((ref) => !photos.some((photo) => photo.id === ref));
  if (shown.length === 0 && loose.length === 0) return <>{t('common.empty')}</>;
  return (
    <Space wrap data-testid={testId}>
      <Image.PreviewGroup>
        {shown.map((photo) => (
          <Image
            key={photo.id}
            src={photo.url}
            width={size}
            height={size}
            style={{ objectFit: 'cover' }}
            alt={t('hazards.photos.alt', { by: photo.uploadedBy ?? '', at: formatDateTime(photo.uploadedAt) })}
            title={t('hazards.photos.alt', { by: photo.uploadedBy ?? '', at: formatDateTime(photo.uploadedAt) })}
            data-testid={`hazard-photo-${photo.id}`}
          />
        ))}
      </Image.PreviewGroup>
      {loose.map((ref) => (
        <Tag key={ref}>{ref}</Tag>
      ))}
    </Space>
  );
}
