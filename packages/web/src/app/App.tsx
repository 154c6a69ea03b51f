import { QueryClientProvider } from '@tanstack/react-query';
// The DOM build of RouterProvider, so that navigations can ask for flushSync (see useLogout).
import { RouterProvider } from 'react-router/dom';
import { AntdProvider } from './AntdProvider';
import { queryClient } from './queryClient';
import { router } from './router';
import { watchSession } from './session';

watchSession();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <RouterProvider router={router} />
      </AntdProvider>
    </QueryClientProvider>
  );
}
