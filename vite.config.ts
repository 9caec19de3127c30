import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { trialWorkerBundle } from './build/trialWorkerBundle.ts';

export default defineConfig({
  plugins: [react(), trialWorkerBundle()],
  worker: { format: 'es' },
  // BUILD_OUT_DIR lets parallel checkouts of the e2e suite build (and preview) side by side.
  build: { target: 'es2022', sourcemap: true, outDir: process.env.BUILD_OUT_DIR ?? 'dist' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
