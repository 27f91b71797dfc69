import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // Relative paths so the same build runs from a file server, a sub-folder or an LMS package.
  base: './',
  // Written into every run and results file (issue 7).
  define: { __APP_VERSION__: JSON.stringify(version) },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600, // Phaser alone is ~1.4 MB raw; it is loaded on demand, after the menu.
  },
});
