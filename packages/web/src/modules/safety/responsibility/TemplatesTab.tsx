import { Button, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { useMe } from '../../auth/hooks/useMe';
import { PrincipleTag } from './PrincipleTag';
import type { DutyTemplate } from './responsibility.types';
import { TemplateFormDrawer } from './TemplateFormDrawer';
import { useDutyTemplates } from './useResponsibility';

/** The city keeps the templates; a ground holding a whole city (a 6-digit code that is not a county's) may edit them. */
function useMayEditTemplates(): boolean {
  const { me } = useMe();
  const canManage = usePermission('responsibility:manage');
  return canManage && (me?.ground.regionCodes ?? []).some((code) => code.length === 6 && code.endsWith('00'));
}

/** Duty-list templates: the shipped ones (with their legal basis and [verify] marks) and the city's own. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const templates = useDutyTemplates();
  const mayEdit = useMayEditTemplates();
  const [editing, setEditing] = useState<DutyTemplate | null>(null);
  if (templates.data?.items.length === 0) return <Empty />;
  return (
    <>
      <QueryError error={templates.error} />
      <Collapse
        data-testid="templates"
        items={(templates.data?.items ?? []).map((template) => ({
          key: template.id,
          label: (
            <Space wrap>
              <Typography.Text strong>{template.post}</Typography.Text>
              <span>{template.name}</span>
              <PrincipleTag principle={template.principle} />
              {template.shipped ? <Tag>{template.edited ? t('responsibility.templates.shippedEdited') : t('responsibility.templates.shipped')}</Tag> : <Tag color="purple">{t('responsibility.templates.own')}</Tag>}
            </Space>
          ),
          extra: mayEdit && (
            <Button
              size="small"
              onClick={(event) => {
                event.stopPropagation();
                setEditing(template);
              }}
            >
              {t('common.edit')}
            </Button>
          ),
          children: (
            <>
              {template.source && <Typography.Paragraph type="secondary">{t('responsibility.templates.source', { source: template.source })}</Typography.Paragraph>}
              <List
                size="small"
                dataSource={template.items}
                renderItem={(item, index) => (
                  <List.Item>
                    <div>
                      {`${index + 1}. ${item.text}`} {item.verify && <Tag color="gold">{t('responsibility.templates.verify')}</Tag>}
                      {item.basis && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('responsibility.items.basisShown', { basis: item.basis })}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  </List.Item>
                )}
              />
            </>
          ),
        }))}
      />
      {editing && <TemplateFormDrawer template={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
