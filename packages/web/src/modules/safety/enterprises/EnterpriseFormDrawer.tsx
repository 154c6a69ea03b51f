import { normalizeMobile, validateCreditCode } from '@shoutu/domain';
import { AutoComplete, Button, Col, Divider, Drawer, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { SCALES, type Enterprise, type EnterpriseInput, type EnterpriseScale } from './enterprises.types';
import { IndustrySelect } from './IndustrySelect';
import { SupervisorSelect } from './SupervisorSelect';
import { useParks } from './useEnterprises';
import { useSaveEnterprise, type EnterpriseSave } from './useSaveEnterprise';

interface Values {
  creditCode: string;
  name: string;
  industryCode: string;
  regionCode: string;
  park?: string;
  scale?: EnterpriseScale;
  hazardousChemicals: boolean;
  majorHazardSource: boolean;
  principalName?: string;
  principalPhone?: string;
  safetyOfficerName?: string;
  safetyOfficerPhone?: string;
  supervisorUnitIds?: string[];
}

/** Mounted while open, so every opening starts from a fresh form. */
interface Props {
  /** The enterprise to edit, or null to register one. */
  enterprise: Enterprise | null;
  onClose: () => void;
  onSaved: (enterprise: Enterprise) => void;
}

const CONTACTS = ['principalName', 'principalPhone', 'safetyOfficerName', 'safetyOfficerPhone'] as const;

function toSave(enterprise: Enterprise | null, values: Values, supervisorsTouched: boolean): EnterpriseSave {
  const contacts: Partial<Record<(typeof CONTACTS)[number], string>> = {};
  // Contacts are only ever shown masked: an empty field keeps what is stored, a typed one replaces it.
  for (const field of CONTACTS) if (values[field]?.trim()) contacts[field] = values[field]!.trim();
  const input: EnterpriseInput = {
    creditCode: values.creditCode.trim(),
    name: values.name.trim(),
    industryCode: values.industryCode,
    regionCode: values.regionCode,
    park: values.park?.trim() || null,
    scale: values.scale ?? null,
    hazardousChemicals: values.hazardousChemicals,
    majorHazardSource: values.majorHazardSource,
    ...contacts,
  };
  if (!enterprise) {
    // Left empty on registration: the departments of the industry mapping (三个必须).
    if (values.supervisorUnitIds?.length) input.supervisorUnitIds = values.supervisorUnitIds;
    return { kind: 'create', input };
  }
  return { kind: 'update', id: enterprise.id, patch: { ...input, ...(supervisorsTouched ? { supervisorUnitIds: values.supervisorUnitIds ?? [] } : {}), version: enterprise.version } };
}

export function EnterpriseFormDrawer({ enterprise, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnterprise();
  const showError = useApiError();
  const parks = useParks();
  const initial: Values = enterprise
    ? {
        creditCode: enterprise.creditCode,
        name: enterprise.name,
        industryCode: enterprise.industryCode,
        regionCode: enterprise.regionCode,
        park: enterprise.park ?? undefined,
        scale: enterprise.scale ?? undefined,
        hazardousChemicals: enterprise.hazardousChemicals,
        majorHazardSource: enterprise.majorHazardSource,
        supervisorUnitIds: enterprise.supervisors.map((unit) => unit.id),
      }
    : { creditCode: '', name: '', industryCode: '', regionCode: '', hazardousChemicals: false, majorHazardSource: false };

  const creditCodeRule: Rule = {
    validator: (_, value?: string) => {
      if (!value?.trim()) return Promise.reject(new Error(t('safety.enterprises.validation.creditCodeRequired')));
      const result = validateCreditCode(value);
      if (result.ok) return Promise.resolve();
      return Promise.reject(new Error(t(`safety.enterprises.validation.creditCode_${result.reason}`)));
    },
  };
  const mobileRule: Rule = {
    validator: (_, value?: string) => (!value?.trim() || normalizeMobile(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('safety.enterprises.validation.mobile')))),
  };
  const communityRule: Rule = {
    validator: (_, value?: string) =>
      !value ? Promise.reject(new Error(t('safety.enterprises.validation.regionRequired'))) : value.length === 12 ? Promise.resolve() : Promise.reject(new Error(t('safety.enterprises.validation.community'))),
  };

  const submit = (values: Values) => {
    save.mutate(toSave(enterprise, values, form.isFieldTouched('supervisorUnitIds')), {
      onSuccess: onSaved,
      onError: (error) => {
        showError(error, form);
        if (isApiError(error, 409) && error.code === 'version_conflict') onClose();
      },
    });
  };

  const masked = (value: string | null | undefined) => (value ? t('safety.enterprises.form.keepMasked', { value }) : undefined);

  return (
    <Drawer
      title={enterprise ? t('safety.enterprises.editTitle', { name: enterprise.name }) : t('safety.enterprises.createTitle')}
      open
      onClose={onClose}
      size={640}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="enterprise-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="enterprise-form">
        <Form.Item name="creditCode" label={t('safety.enterprises.field.creditCode')} required rules={[creditCodeRule]} validateTrigger={['onBlur', 'onSubmit']} extra={t('safety.enterprises.form.creditCodeHint')}>
          <Input maxLength={18} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} autoComplete="off" data-testid="enterprise-form-creditCode" />
        </Form.Item>
        <Form.Item name="name" label={t('safety.enterprises.field.name')} rules={[{ required: true, whitespace: true, message: t('safety.enterprises.validation.nameRequired') }]}>
          <Input maxLength={100} data-testid="enterprise-form-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('safety.enterprises.field.industry')} rules={[{ required: true, message: t('safety.enterprises.validation.industryRequired') }]}>
              <IndustrySelect data-testid="enterprise-form-industry" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="scale" label={t('safety.enterprises.field.scale')}>
              <Select allowClear options={SCALES.map((scale) => ({ value: scale, label: t(`safety.enterprises.scale.${scale}`) }))} data-testid="enterprise-form-scale" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="regionCode" label={t('safety.enterprises.field.region')} required rules={[communityRule]} extra={t('safety.enterprises.form.regionHint')}>
          <RegionTreeSelect single data-testid="enterprise-form-region" />
        </Form.Item>
        <Form.Item name="park" label={t('safety.enterprises.field.park')}>
          <AutoComplete allowClear options={(parks.data?.items ?? []).map((park) => ({ value: park }))} showSearch={{ filterOption: true }} data-testid="enterprise-form-park" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="hazardousChemicals" label={t('safety.enterprises.field.hazardousChemicals')} valuePropName="checked">
              <Switch data-testid="enterprise-form-hazardous" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="majorHazardSource" label={t('safety.enterprises.field.majorHazardSource')} valuePropName="checked">
              <Switch data-testid="enterprise-form-major-hazard" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="supervisorUnitIds" label={t('safety.enterprises.field.supervisors')} extra={enterprise ? undefined : t('safety.enterprises.form.supervisorsHint')}>
          <SupervisorSelect data-testid="enterprise-form-supervisors" />
        </Form.Item>
        <Divider titlePlacement="start">{t('safety.enterprises.contacts')}</Divider>
        <Typography.Paragraph type="secondary">{t('safety.enterprises.form.contactsHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="principalName" label={t('safety.enterprises.field.principalName')}>
              <Input maxLength={50} autoComplete="off" placeholder={masked(enterprise?.principalName)} data-testid="enterprise-form-principalName" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="principalPhone" label={t('safety.enterprises.field.principalPhone')} rules={[mobileRule]}>
              <Input maxLength={20} autoComplete="off" placeholder={masked(enterprise?.principalPhone)} data-testid="enterprise-form-principalPhone" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="safetyOfficerName" label={t('safety.enterprises.field.safetyOfficerName')}>
              <Input maxLength={50} autoComplete="off" placeholder={masked(enterprise?.safetyOfficerName)} data-testid="enterprise-form-safetyOfficerName" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="safetyOfficerPhone" label={t('safety.enterprises.field.safetyOfficerPhone')} rules={[mobileRule]}>
              <Input maxLength={20} autoComplete="off" placeholder={masked(enterprise?.safetyOfficerPhone)} data-testid="enterprise-form-safetyOfficerPhone" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
