import { Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { RoleSelect } from '../../auth/components/RoleSelect';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { DepartmentSelect } from '../units/DepartmentSelect';
import type { User } from './users.types';
import { useSaveUser, type UserSave } from './useSaveUser';

interface Values {
  username: string;
  displayName: string;
  roles: string[];
  regionCodes: string[];
  departmentId: string | null;
  enterpriseId?: string;
  password?: string;
}

/** Mounted while open, so every opening starts from a fresh form. */
interface Props {
  /** The user to edit, or null to create one. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}

function initialValues(user: User | null): Partial<Values> {
  if (!user) return { roles: [], regionCodes: [], departmentId: null };
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    regionCodes: user.ground.regionCodes,
    departmentId: user.ground.departmentId,
    enterpriseId: user.ground.enterpriseId ?? undefined,
  };
}

function toSave(user: User | null, values: Values): UserSave {
  if (user) {
    return {
      kind: 'update',
      id: user.id,
      patch: {
        version: user.version,
        displayName: values.displayName,
        roles: values.roles,
        regionCodes: values.regionCodes,
        departmentId: values.departmentId ?? null,
      },
    };
  }
  return {
    kind: 'create',
    user: {
      username: values.username.trim(),
      displayName: values.displayName,
      roles: values.roles,
      regionCodes: values.regionCodes,
      password: values.password ?? '',
      ...(values.departmentId ? { departmentId: values.departmentId } : {}),
      ...(values.enterpriseId?.trim() ? { enterpriseId: values.enterpriseId.trim() } : {}),
    },
  };
}

export function UserFormDrawer({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const showError = useApiError();
  const creating = user === null;

  const submit = (values: Values) => {
    save.mutate(toSave(user, values), {
      onSuccess: onSaved,
      onError: (error) => {
        showError(error, form);
        // The form holds a stale version: start again from the user as it is now.
        if (isApiError(error, 409)) onClose();
      },
    });
  };

  return (
    <Drawer
      title={creating ? t('users.createTitle') : t('users.editTitle', { username: user.username })}
      open
      onClose={onClose}
      size={520}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues(user)} onFinish={submit} data-testid="user-form">
        <Form.Item name="username" label={t('users.field.username')} rules={[{ required: true, whitespace: true }]}>
          <Input disabled={!creating} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.field.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <RoleSelect data-testid="user-form-roles" />
        </Form.Item>
        <Form.Item name="regionCodes" label={t('users.field.regionCodes')} extra={t('users.regionCodesHint')}>
          <RegionTreeSelect data-testid="user-form-regionCodes" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.field.departmentId')}>
          <DepartmentSelect data-testid="user-form-departmentId" />
        </Form.Item>
        {creating && (
          <Form.Item name="enterpriseId" label={t('users.field.enterpriseId')} extra={t('users.enterpriseIdHint')}>
            <Input data-testid="user-form-enterpriseId" />
          </Form.Item>
        )}
        {creating && (
          <Form.Item name="password" label={t('users.field.password')} extra={t('users.initialPasswordHint')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
