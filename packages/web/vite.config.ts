import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const backend = 'http://127.0.0.1:8080';

// Every page is a lazy route, and the libraries every page needs go into a few stable chunks,
// so no single chunk approaches the ~520 kB gzip of an unsplit antd + router + i18n bundle
// (STACK.md). antd is deliberately not one group: left to the bundler, its components split
// along the pages that use them (Table and DatePicker need not load for the sign-in page), and
// the same holds for ECharts later. The first matching group wins.
const vendorGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'vendor', test: /[\\/]node_modules[\\/](i18next|react-i18next|@tanstack|dayjs)[\\/]/ },
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The web shares the domain's pure rules (roles, validators, masking) from source.
    alias: { '@shoutu/domain': fileURLToPath(new URL('../domain/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups,
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
});
