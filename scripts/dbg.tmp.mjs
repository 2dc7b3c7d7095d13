import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ locale: 'en' });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto('http://127.0.0.1:4503/learn');
await page.waitForTimeout(4000);
console.log(await page.evaluate(() => [document.documentElement.outerHTML.slice(0, 300), !!document.querySelector('.first-screen'), !!document.querySelector('#app main h1')]));
await browser.close();
