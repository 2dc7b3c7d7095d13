// Gecko: Debian's firefox-esr through geckodriver (crates.io), headless.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { engineSuite } from './suite.mjs';

const downloads = mkdtempSync(join(tmpdir(), 'gecko-downloads-'));

engineSuite('Gecko', {
  port: 4600 + Math.floor(Math.random() * 100),
  catchesDownloads: true,
  start: async () => {
    const options = new firefox.Options()
      .addArguments('-headless')
      .setBinary(process.env.FIREFOX_BIN || '/usr/bin/firefox-esr')
      .setPreference('browser.download.folderList', 2)
      .setPreference('browser.download.dir', downloads)
      .setPreference('browser.download.useDownloadDir', true)
      .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json');
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || join(homedir(), '.cargo/bin/geckodriver'));
    const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
    const downloaded = async () => {
      for (let i = 0; i < 100; i++) {
        const done = readdirSync(downloads).filter((f) => f.endsWith('.json'));
        if (done.length) return { name: done[0], text: readFileSync(join(downloads, done[0]), 'utf8') };
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no download arrived');
    };
    return { driver, downloaded, stop: () => driver.quit() };
  },
});
