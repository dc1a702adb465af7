// Records a HAR of the test site (tests/browser/site.py) with Debian's chromium
// driven by playwright-core:
//
//   node tests/browser/record.js PLAYWRIGHT_DIR BASE_URL HAR_PATH
//
// PLAYWRIGHT_DIR holds node_modules/playwright-core (scripts/install-deps.sh
// --browser puts it in build/browser).  BASE_URL must be on 127.0.0.1: the
// browser is told to resolve no other name, so nothing leaves the machine.
// Bounded: the whole run stops after 60 seconds whatever happens.
'use strict';

const path = require('path');

async function main() {
    const [dir, base, harPath] = process.argv.slice(2);
    if (!dir || !base || !harPath || !base.startsWith('http://127.0.0.1:')) {
        console.error('record.js: usage: record.js PLAYWRIGHT_DIR http://127.0.0.1:PORT HAR_PATH');
        process.exit(2);
    }
    const { chromium } = require(path.join(path.resolve(dir), 'node_modules', 'playwright-core'));
    const browser = await chromium.launch({
        executablePath: process.env.HUSH_CHROMIUM || '/usr/bin/chromium',
        headless: true,
        timeout: 30000,
        args: [
            '--no-sandbox',
            // Loopback only: every other host name fails to resolve.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
        ],
    });
    try {
        const context = await browser.newContext({
            recordHar: { path: harPath, content: 'embed' },
        });
        const page = await context.newPage();
        page.setDefaultTimeout(20000);
        await page.goto(base + '/');
        // The sign-in form post: 302 with Set-Cookie, then the app page.
        await Promise.all([page.waitForURL(base + '/app/'), page.click('#go')]);
        await page.waitForFunction(() => document.title.startsWith('hush test: '));
        const title = await page.title();
        if (title !== 'hush test: done') {
            throw new Error('the app page did not finish its calls: ' + title);
        }
        await context.close(); // writes the HAR
    } finally {
        await browser.close();
    }
}

const guard = setTimeout(() => {
    console.error('record.js: still running after 60 s: stopped');
    process.exit(1);
}, 60000);
main().then(() => clearTimeout(guard), (err) => {
    console.error('record.js: ' + (err && err.message ? err.message.split('\n')[0] : err));
    process.exit(1);
});
