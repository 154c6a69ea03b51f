import { RESPONSIBILITY_UNIT_KIND_LABELS, RESPONSIBILITY_UNIT_KINDS, type ResponsibilityUnitKind } from '@shoutu/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useSupervisingUnits } from '../enterprises/useEnterprises';
import { useLabel } from './useLabel';

/** The fields that name a unit: a department or an enterprise by picking it, any other unit by name and region. */
export function UnitFields({ kinds = RESPONSIBILITY_UNIT_KINDS }: { kinds?: readonly ResponsibilityUnitKind[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const unitKind = Form.useWatch<ResponsibilityUnitKind | undefined>('unitKind');
  const departments = useSupervisingUnits();
  return (
    <>
      <Form.Item name="unitKind" label={t('responsibility.unit.kind')} rules={[{ required: true }]}>
        <Select data-testid="unit-kind" options={kinds.map((kind) => ({ value: kind, label: label(RESPONSIBILITY_UNIT_KIND_LABELS[kind]) }))} />
      </Form.Item>
      {unitKind === 'department' && (
        <Form.Item name="unitId" label={t('responsibility.unit.department')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isLoading}
            options={(departments.data?.items ?? []).filter((unit) => unit.withinGround).map((unit) => ({ value: unit.id, label: unit.name }))}
            data-testid="unit-department"
          />
        </Form.Item>
      )}
      {unitKind === 'enterprise' && (
        <Form.Item name="unitId" label={t('responsibility.unit.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect data-testid="unit-enterprise" />
        </Form.Item>
      )}
      {unitKind !== undefined && unitKind !== 'department' && unitKind !== 'enterprise' && (
        <>
          <Form.Item name="unitName" label={t('responsibility.unit.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]} extra={t('responsibility.unit.nameHint')}>
            <Input data-testid="unit-name" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('responsibility.unit.region')} rules={[{ required: true }]}>
            <RegionTreeSelect single data-testid="unit-region" />
          </Form.Item>
        </>
      )}
    </>
  );
}
