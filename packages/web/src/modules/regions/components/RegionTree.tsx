import { Spin, Tree, type TreeDataNode } from 'antd';
import { QueryError } from '../../../app/layout/QueryError';
import { useRegionTitle } from '../hooks/useRegionTitle';
import { useRegionTree, type RegionNode } from '../hooks/useRegionTree';

interface Props {
  selected: string | null;
  onSelect: (code: string) => void;
}

export function RegionTree({ selected, onSelect }: Props) {
  const tree = useRegionTree();
  const title = useRegionTitle();

  const toTreeData = (node: RegionNode): TreeDataNode => ({
    key: node.region.code,
    title: <span data-testid={`region-node-${node.region.code}`}>{title(node.region)}</span>,
    isLeaf: node.region.childCount === 0,
    children: node.children?.map(toTreeData),
  });

  if (tree.isLoading) return <Spin />;
  if (tree.error) return <QueryError error={tree.error} />;
  return (
    <div data-testid="region-tree">
      <Tree
        showLine
        blockNode
        treeData={tree.nodes.map(toTreeData)}
        selectedKeys={selected ? [selected] : []}
        loadData={(node) => tree.loadChildren(String(node.key))}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) onSelect(String(key));
        }}
      />
    </div>
  );
}
