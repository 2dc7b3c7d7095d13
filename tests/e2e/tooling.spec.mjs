// The commands' promises: the size gate in `make test` can fail.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sizeCheck = (...vars) => execFileSync('make', ['-s', '--no-print-directory', 'size-check', ...vars], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

test('the size gate fails a build over its budget, though its output is piped', () => {
  let failure = null;
  try {
    sizeCheck('FIRST_LOAD_BUDGET_KB=1');
  } catch (e) {
    failure = e;
  }
  expect(failure, 'make size-check with a budget of 1 KB must fail').not.toBeNull();
  expect(failure.status).not.toBe(0);
  expect(failure.stderr).toContain('over its budget of 1 KB');
  // The build under test is within the real budget.
  expect(sizeCheck()).toMatch(/first-load total \(gzip\): [\d.]+ KB {2}\(budget/);
});

test('the first load counts the app\'s main wasm, however the page loads it', () => {
  const listing = execFileSync('node', ['scripts/size.mjs', 'dist'], { cwd: ROOT, encoding: 'utf8' });
  const main = listing.split('\n').filter((line) => /^leaning-in-[0-9a-f]+_bg\.wasm\s/.test(line));
  expect(main, 'one main wasm in the listing').toHaveLength(1);
  expect(main[0].trim().endsWith('yes'), `the main wasm is part of the first load: ${main[0]}`).toBe(true);
});
