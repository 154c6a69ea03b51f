import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { RegionDetails } from './RegionDetails';
import { RegionTree } from './RegionTree';

export default function RegionBrowserPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('regions.title')} description={t('regions.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <RegionTree selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <RegionDetails code={selected} />
        </Col>
      </Row>
    </>
  );
}
