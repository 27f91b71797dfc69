import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './chromium';

/** Several checkouts on one machine can test at once: E2E_PORT picks another port. */
export const PORT = Number(process.env.E2E_PORT) || 4199;
let server: ChildProcess | undefined;

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not answer at ${url} within ${ms} ms`);
}

/** Builds the game as shipped and serves it: the browser tests play the real thing. */
export async function setup() {
  ensureChromium();
  // Vitest sets NODE_ENV=test, which would build a development bundle (no service worker, no offline).
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (!existsSync('dist/index.html')) throw new Error('vite build produced no dist/index.html');
  server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  await waitFor(`http://127.0.0.1:${PORT}/`, 30_000);
}

export async function teardown() {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}
