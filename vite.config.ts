import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { trialWorkerBundle } from './build/trialWorkerBundle.ts';

export default defineConfig({
  plugins: [react(), trialWorkerBundle()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
