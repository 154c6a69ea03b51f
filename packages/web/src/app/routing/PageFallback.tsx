import { Flex, Spin } from 'antd';

/** Shown while a page's code is being fetched. */
export function PageFallback() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
