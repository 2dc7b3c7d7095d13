// Lighthouse (pinned in package.json), mobile preset, on this machine's Chromium,
// against the release build served gzip-compressed. For each URL, prints the
// median of three runs: performance score, FCP, LCP, TBT, CLS and bytes
// transferred. Figures, not pass/fail.
// Usage: node scripts/lighthouse.mjs URL [URL…]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const url of process.argv.slice(2)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
      const value = (id) => lhr.audits[id].numericValue;
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        cls: value('cumulative-layout-shift'),
        bytes: value('total-byte-weight'),
      });
    } finally {
      await chrome.kill();
    }
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  console.log(`Lighthouse ${lighthouse.version ?? '13'} mobile, ${new URL(url).pathname}, median of ${RUNS}: performance ${pick('score')} (runs: ${runs.map((r) => r.score).join(', ')}), `
    + `FCP ${(pick('fcp') / 1000).toFixed(2)} s, LCP ${(pick('lcp') / 1000).toFixed(2)} s, TBT ${pick('tbt').toFixed(0)} ms, CLS ${pick('cls').toFixed(3)}, `
    + `transferred ${(pick('bytes') / 1024).toFixed(0)} KB`);
}
