// Static servers that tests start and stop themselves, so "offline" means the
// server is really gone.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
let nextPort = 4300 + Math.floor(Math.random() * 200);

/**
 * Serves `dir` at `base` on a fresh port and allows its origin; resolves once it
 * answers. `env` goes to serve.mjs (the engine tests pass PROBE_SCRIPT).
 */
export async function serve(appOrigins, dir, base = '/', port = nextPort++, env = {}) {
  appOrigins.add(`http://127.0.0.1:${port}`);
  const proc = spawn('node', [join(ROOT, 'tests/e2e/serve.mjs'), dir, String(port), base], { stdio: 'ignore', env: { ...process.env, ...env } });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(url)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Stopping twice (a test that stopped it, then cleanup) settles too.
  const exited = new Promise((r) => proc.once('exit', r));
  return { url, port, stop: () => { proc.kill(); return exited; } };
}

/** Waits until the service worker controls the page. */
export const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
