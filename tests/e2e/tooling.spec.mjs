// The commands a person runs keep their promises: `make serve` (a debug build with
// a live-reload socket) never writes into dist/, which is what gets published.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures.mjs';
import { ROOT } from './servers.mjs';

test('make serve builds outside dist/, so dist/ is only ever a release build', () => {
  const plan = execFileSync('make', ['-n', 'serve'], { cwd: ROOT, encoding: 'utf8' });
  const serve = plan.split('\n').find((line) => /\btrunk serve\b/.test(line));
  expect(serve, 'make serve runs trunk serve').toBeDefined();
  const dist = serve.match(/--dist[ =](\S+)/)?.[1];
  expect(dist, 'trunk serve is given its own output folder (Trunk.toml says dist/)').toBeDefined();
  expect(dist.replace(/\/$/, '')).not.toBe('dist');
});
