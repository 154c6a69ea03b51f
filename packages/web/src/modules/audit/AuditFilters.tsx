import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from './audit.types';

interface Values {
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter({ action, actor, range }: Values): AuditFilter {
  const [from, to] = range ?? [null, null];
  const filter: AuditFilter = {};
  if (action?.trim()) filter.action = action.trim();
  if (actor?.trim()) filter.actor = actor.trim();
  // Whole days in the browser's time zone, sent as UTC instants.
  if (from) filter.from = from.startOf('day').toISOString();
  if (to) filter.to = to.endOf('day').toISOString();
  return filter;
}

export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  return (
    <Form<Values> layout="inline" onFinish={(values) => onChange(toFilter(values))} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="action" label={t('audit.field.action')}>
        <Input allowClear placeholder={t('audit.actionPlaceholder')} data-testid="audit-filter-action" />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.field.actor')}>
        <Input allowClear data-testid="audit-filter-actor" />
      </Form.Item>
      <Form.Item name="range" label={t('audit.field.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-submit">
          {t('common.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
