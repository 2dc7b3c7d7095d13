// Lighthouse (pinned in package.json), mobile preset, on this machine's Chromium,
// against the release build served gzip-compressed. Prints the median of three
// runs: performance score, LCP, TBT and bytes transferred. Figures, not pass/fail.
// Usage: node scripts/lighthouse.mjs URL
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const url = process.argv[2];
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    runs.push({
      score: Math.round(lhr.categories.performance.score * 100),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      bytes: lhr.audits['total-byte-weight'].numericValue,
    });
  } finally {
    await chrome.kill();
  }
}
const pick = (k) => median(runs.map((r) => r[k]));
console.log(`Lighthouse ${lighthouse.version ?? '13'} mobile, median of ${RUNS}: performance ${pick('score')} (runs: ${runs.map((r) => r.score).join(', ')}), `
  + `LCP ${(pick('lcp') / 1000).toFixed(2)} s, TBT ${pick('tbt').toFixed(0)} ms, transferred ${(pick('bytes') / 1024).toFixed(0)} KB`);
