import { RESPONSIBILITY_PRINCIPLE_LABELS, type ResponsibilityPrinciple } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLabel } from './useLabel';

const COLOURS: Record<ResponsibilityPrinciple, string> = { party_government_same_duty: 'red', one_post_two_duties: 'orange', all_staff_post: 'blue' };

/** 党政同责 / 一岗双责 / 全员岗位责任制. */
export function PrincipleTag({ principle }: { principle: ResponsibilityPrinciple }) {
  const label = useLabel();
  return <Tag color={COLOURS[principle]}>{label(RESPONSIBILITY_PRINCIPLE_LABELS[principle])}</Tag>;
}
