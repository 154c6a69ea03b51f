import { ACCIDENT_GRADE_LABELS, type AccidentGrade } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLocalized } from './useLocalized';

export const GRADE_COLORS: Record<AccidentGrade, string> = {
  extraordinarily_serious: 'magenta',
  serious: 'red',
  relatively_serious: 'orange',
  ordinary: 'blue',
};

export function GradeTag({ grade, testId }: { grade: AccidentGrade; testId?: string }) {
  const localized = useLocalized();
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid={testId} data-grade={grade}>
      {localized(ACCIDENT_GRADE_LABELS[grade])}
    </Tag>
  );
}
