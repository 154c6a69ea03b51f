import { Tag, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionTitle } from '../hooks/useRegionTitle';
import { useRegionTree, type RegionNode } from '../hooks/useRegionTree';
import { RegionName } from './RegionName';

interface TreeOption {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: TreeOption[];
}

type Props = {
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
} & ({ single?: false; value?: string[]; onChange?: (value: string[]) => void } | { single: true; value?: string; onChange?: (value: string) => void });

/** Picks region codes from the caller's ground, loading the tree one level at a time. */
export function RegionTreeSelect(props: Props) {
  const { id, 'data-testid': testId } = props;
  const { t } = useTranslation();
  const tree = useRegionTree();
  const title = useRegionTitle();

  const toOption = (node: RegionNode): TreeOption => ({
    value: node.region.code,
    title: title(node.region),
    isLeaf: node.region.childCount === 0,
    children: node.children?.map(toOption),
  });

  return (
    <TreeSelect<string | string[]>
      id={id}
      data-testid={testId}
      multiple={!props.single}
      disabled={props.disabled}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('regions.pickPlaceholder')}
      loading={tree.isLoading}
      treeData={tree.nodes.map(toOption)}
      loadData={(node) => tree.loadChildren(String(node.value))}
      value={props.value}
      onChange={(codes) => (props.single ? props.onChange?.(codes as string) : props.onChange?.(codes as string[]))}
      tagRender={({ value: code, closable, onClose }) => (
        <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
          <RegionName code={String(code)} />
        </Tag>
      )}
      popupMatchSelectWidth
      style={{ width: '100%' }}
    />
  );
}
