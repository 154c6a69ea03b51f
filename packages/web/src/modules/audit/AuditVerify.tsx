import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/api/useApiError';
import { auditApi } from './audit.api';
import type { AuditVerification } from './audit.types';

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert type="success" showIcon title={t('audit.verify.ok', { count: result.checked })} data-testid="audit-verify-result" />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('audit.verify.broken', { seq: result.firstBadSeq ?? '?', count: result.checked })}
      data-testid="audit-verify-result"
    />
  );
}

/** Recomputes the hash chain on the server and shows whether the trail is intact. */
export function AuditVerify() {
  const { t } = useTranslation();
  const showError = useApiError();
  const verify = useMutation({ mutationFn: auditApi.verify, onError: (error) => showError(error) });
  return (
    <Flex vertical gap={8} align="flex-end">
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
        {t('audit.verify.button')}
      </Button>
      {verify.data && <VerificationResult result={verify.data} />}
    </Flex>
  );
}
