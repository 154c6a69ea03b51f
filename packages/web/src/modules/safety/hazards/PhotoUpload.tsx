import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { hazardsApi } from './hazards.api';
import type { HazardPhoto } from './hazards.types';

/** What the server takes; the browser's filter only spares a round trip, the server checks the bytes. */
const ACCEPT = 'image/jpeg,image/png,image/webp';

/**
 * Photos uploaded to the hazard one by one as they are picked; the form's value is the uploaded
 * photos' ids, in order, which a rectification submission names.
 */
export function PhotoUpload({ hazardId, onChange, 'data-testid': testId }: { hazardId: string; value?: string[]; onChange?: (ids: string[]) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [files, setFiles] = useState<UploadFile<HazardPhoto>[]>([]);
  const idsOf = (list: UploadFile<HazardPhoto>[]) => list.flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
  const customRequest = useUploadRequest(hazardId, showError);

  return (
    <div data-testid={testId}>
      <Upload<HazardPhoto>
        accept={ACCEPT}
        listType="picture-card"
        multiple
        fileList={files}
        customRequest={customRequest}
        onChange={({ fileList }) => {
          // A failed upload is shown once (its error toast) and leaves the list.
          const kept = fileList.filter((file) => file.status !== 'error');
          setFiles(kept);
          onChange?.(idsOf(kept));
        }}
      >
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('hazards.photos.add')}</div>
        </div>
      </Upload>
    </div>
  );
}

/** Sends each picked file to the hazard; antd's Upload hears how it went. */
function useUploadRequest(hazardId: string, showError: (error: unknown) => void, onUploaded?: (photo: HazardPhoto) => void): UploadProps<HazardPhoto>['customRequest'] {
  return ({ file, onSuccess, onError }) => {
    const blob = file as File;
    hazardsApi.uploadPhoto(hazardId, blob, blob.name).then(
      (photo) => {
        onSuccess?.(photo);
        onUploaded?.(photo);
      },
      (error: unknown) => {
        showError(error);
        onError?.(error as Error);
      },
    );
  };
}

/** A button that uploads photos to the hazard (what was found, or any time before it is closed). */
export function AddPhotoButton({ hazardId, onUploaded }: { hazardId: string; onUploaded: (photo: HazardPhoto) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const customRequest = useUploadRequest(hazardId, showError, onUploaded);
  return (
    <Upload<HazardPhoto> accept={ACCEPT} multiple showUploadList={false} customRequest={customRequest}>
      <Button size="small" icon={<CameraOutlined />} data-testid="hazard-add-photo">
        {t('hazards.photos.upload')}
      </Button>
    </Upload>
  );
}
