/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/compress-plugin';

// The SPA talks only to the gateway on its own origin; in development Vite stands in for that
// origin and forwards /api to a gateway started separately.
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT || 8000}`;

export default defineConfig({
  base: '/',
  plugins: [react(), precompress(fileURLToPath(new URL('./dist', import.meta.url)))],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: gateway, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: gateway, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
    // Form journeys with user-event take seconds on a loaded 2-core CI machine; the default 5 s
    // budget made them fail for slowness, not for a fault.
    testTimeout: 20000,
  },
});
