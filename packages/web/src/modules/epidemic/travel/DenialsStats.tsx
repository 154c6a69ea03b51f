import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { travelApi, travelKeys } from './travel.api';

/** Travel checks and denials today and over the last 7 days in the ground. */
export function DenialsStats() {
  const { t } = useTranslation();
  const to = dayjs().format('YYYY-MM-DD');
  const from = dayjs().subtract(6, 'day').format('YYYY-MM-DD');
  const denials = useQuery({ queryKey: travelKeys.denials(from, to), queryFn: () => travelApi.denials(from, to) });
  const today = denials.data?.byDay.find((d) => d.date === to);
  return (
    <Card size="small" data-testid="travel-denials">
      <Flex gap={32} wrap>
        <Statistic title={t('epidemicOps.travel.stats.checkedToday')} value={today?.total ?? 0} loading={denials.isLoading} />
        <Statistic title={t('epidemicOps.travel.stats.deniedToday')} value={today?.denied ?? 0} styles={{ content: { color: '#cf1322' } }} loading={denials.isLoading} />
        <Statistic title={t('epidemicOps.travel.stats.checkedWeek')} value={denials.data?.total ?? 0} loading={denials.isLoading} />
        <Statistic title={t('epidemicOps.travel.stats.deniedWeek')} value={denials.data?.denied ?? 0} loading={denials.isLoading} />
      </Flex>
    </Card>
  );
}
