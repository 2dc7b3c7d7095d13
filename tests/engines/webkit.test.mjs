// WebKit: Debian's WebKitGTK MiniBrowser through WebKitWebDriver, under Xvfb.
// Without --automation the session hangs or fails to match capabilities.
import { spawn } from 'node:child_process';
import { Builder } from 'selenium-webdriver';
import { engineSuite } from './suite.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function answers(url) {
  for (let i = 0; i < 100; i++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${url} did not answer`);
}

engineSuite('WebKit', {
  port: 4700 + Math.floor(Math.random() * 100),
  start: async () => {
    // Xvfb picks a free display itself and writes its number to fd 3.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    const display = await new Promise((resolve, reject) => {
      xvfb.stdio[3].once('data', (d) => resolve(`:${d.toString().trim()}`));
      xvfb.once('exit', () => reject(new Error('Xvfb did not start')));
    });
    const port = 4800 + Math.floor(Math.random() * 100);
    const webdriver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
    await answers(`http://127.0.0.1:${port}/status`);
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
      .build();
    return {
      driver,
      stop: async () => {
        await driver.quit().catch(() => {});
        webdriver.kill();
        xvfb.kill();
      },
    };
  },
});
