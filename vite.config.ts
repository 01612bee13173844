import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy, cspMeta, pdfjsAssets } from './scripts/vite-plugins';

/**
 * Snapshot `update` in Vitest 4.1.12 (checked in its source and by running it): an explicit `'all' | 'new' | 'none'`
 * wins; otherwise it is `none` when std-env's `isCI` holds (any non-empty `CI`, even `CI=false`) and `new` when not.
 * So a missing `toMatchFileSnapshot` file is written locally ("1 written") but fails under CI ("Snapshot … mismatched")
 * without being created; a changed one fails in both. `-u` means `all`. Pinning `none` under CI keeps this if the
 * default moves.
 */
const snapshotUpdate = process.env.CI ? 'none' : undefined;

export default defineConfig({
  plugins: [react(), pdfjsAssets(), cspMeta()],
  worker: { format: 'es' },
  // The import worker loads these on first use; bundling them at start keeps the dev server from
  // re-optimising (and reloading the page, losing the import) the first time a file is imported.
  optimizeDeps: {
    include: ['mammoth', '@e965/xlsx', 'pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'],
  },
  // The policy is also sent as a header, which (unlike the page's meta tag) covers the workers' own requests.
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy(true) },
  },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy(false) } },
  test: {
    update: snapshotUpdate,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          // Guards against hangs, not speed targets (those are benchmarks): on two cores two test files
          // share the machine, and a CPU-bound file (the fuzz suite) slows the other one down.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
