import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { Unit, UnitKind } from './units.types';
import { useSaveUnit, type UnitSave } from './useSaveUnit';

interface Values {
  name: string;
  kind: UnitKind;
  regionCode: string;
  matters: string[];
  memberRegionCodes: string[];
}

/** Mounted while open, so every opening starts from a fresh form. */
interface Props {
  /** The unit to edit, or null to create one. */
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const KINDS: UnitKind[] = ['department', 'zone'];

function toSave(unit: Unit | null, values: Values): UnitSave {
  const matters = values.matters.map((matter) => matter.trim()).filter((matter) => matter !== '');
  if (unit) {
    return {
      kind: 'update',
      id: unit.id,
      patch: { version: unit.version, name: values.name.trim(), matters, memberRegionCodes: values.memberRegionCodes },
    };
  }
  return { kind: 'create', unit: { name: values.name.trim(), kind: values.kind, regionCode: values.regionCode, matters, memberRegionCodes: values.memberRegionCodes } };
}

export function UnitFormDrawer({ unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnit();
  const showError = useApiError();
  const initial: Values = unit
    ? { name: unit.name, kind: unit.kind, regionCode: unit.regionCode, matters: unit.matters, memberRegionCodes: unit.memberRegionCodes }
    : { name: '', kind: 'department', regionCode: '', matters: [], memberRegionCodes: [] };

  const submit = (values: Values) => {
    save.mutate(toSave(unit, values), {
      onSuccess: onSaved,
      onError: (error) => {
        showError(error, form);
        if (isApiError(error, 409)) onClose();
      },
    });
  };

  return (
    <Drawer
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      open
      onClose={onClose}
      size={520}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="unit-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="unit-form">
        <Form.Item name="name" label={t('units.field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.field.kind')} rules={[{ required: true }]}>
          <Select
            disabled={unit !== null}
            options={KINDS.map((kind) => ({ value: kind, label: t(`units.kind.${kind}`) }))}
            data-testid="unit-form-kind"
          />
        </Form.Item>
        <Form.Item name="matters" label={t('units.field.matters')} extra={t('units.mattersHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="unit-form-matters" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('units.field.regionCode')} rules={[{ required: true }]}>
          <RegionTreeSelect single disabled={unit !== null} data-testid="unit-form-regionCode" />
        </Form.Item>
        <Form.Item name="memberRegionCodes" label={t('units.field.memberRegionCodes')} extra={t('units.memberRegionCodesHint')}>
          <RegionTreeSelect data-testid="unit-form-memberRegionCodes" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
