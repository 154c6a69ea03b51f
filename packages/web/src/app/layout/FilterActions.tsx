import { SearchOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Prefix of the buttons' data-testids: `<prefix>-filter-submit`, `<prefix>-filter-reset`. */
  testId: string;
  onReset: () => void;
}

/** The search and reset buttons that end every list's filter form. */
export function FilterActions({ testId, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testId}-filter-submit`}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset} data-testid={`${testId}-filter-reset`}>
          {t('common.reset')}
        </Button>
      </Form.Item>
    </>
  );
}
