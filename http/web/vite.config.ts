import { defineConfig } from 'vitest/config';

// The dashboard is built into the http module's classes (served by the node from its jar at /);
// `npm run dev` proxies the API and the WebSocket to a local node on 8080.
const node = process.env.VITRUM_NODE ?? 'http://127.0.0.1:8080';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../target/classes/io/vitrum/http/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': node,
      '/ws': { target: node.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // The build box has 2 cores shared with the servers of other tests.
    testTimeout: 20_000,
  },
});
