// Loaded first on every page in the engine tests (tests/e2e/serve.mjs with
// PROBE_SCRIPT): WebKitGTK's and geckodriver's WebDriver cannot read the console,
// so errors, unhandled rejections, Rust panics (console.error) and CSP violations
// are collected here for the tests to read.
(() => {
  const problems = (window.__problems = []);
  addEventListener('error', (e) => problems.push(`error: ${e.message || `${e.type} loading ${e.target?.src || e.target?.href || '?'}`}`), true);
  addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${e.reason?.message || e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => problems.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
})();
