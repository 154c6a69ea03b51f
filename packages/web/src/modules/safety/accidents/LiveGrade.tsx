import { gradeAccident, reportingChain, supplementaryWindowDays, type AccidentContext } from '@shoutu/domain';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GradeTag } from './GradeTag';

interface Props {
  deaths: number | null | undefined;
  seriousInjuries: number | null | undefined;
  directLossYuan: number | null | undefined;
  context: AccidentContext | undefined;
}

const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * The grade as the numbers are typed, from the same rule the server applies (Order 493 art. 3,
 * in the shared domain package), with the levels the report must reach and the window for
 * supplementary reports.
 */
export function LiveGrade({ deaths, seriousInjuries, directLossYuan, context }: Props) {
  const { t } = useTranslation();
  if (!isCount(deaths) || !isCount(seriousInjuries) || !isCount(directLossYuan)) {
    return <Alert type="info" showIcon title={t('accidents.form.gradePending')} data-testid="accident-form-grade-pending" style={{ marginBottom: 16 }} />;
  }
  const grade = gradeAccident({ deaths, seriousInjuries, directLossYuan });
  const chain = reportingChain(grade);
  return (
    <Alert
      type={grade === 'ordinary' ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="accident-form-grade"
      title={
        <Space wrap>
          <span>{t('accidents.form.gradeIs')}</span>
          <GradeTag grade={grade} testId="accident-form-grade-tag" />
        </Space>
      }
      description={
        <Space orientation="vertical" size={0}>
          <Typography.Text>{t('accidents.form.chain', { levels: chain.map((level) => t(`accidents.level.${level}`)).join(' → ') })}</Typography.Text>
          <Typography.Text type="secondary">{t('accidents.form.window', { days: supplementaryWindowDays(context ?? 'other') })}</Typography.Text>
        </Space>
      }
    />
  );
}
