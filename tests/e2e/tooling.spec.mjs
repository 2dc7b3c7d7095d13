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
