import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  testId: string;
}

/** The "load more" button under a cursor-paged table. */
export function LoadMore({ hasMore, loading, onLoadMore, testId }: Props) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button onClick={onLoadMore} loading={loading} data-testid={testId}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
