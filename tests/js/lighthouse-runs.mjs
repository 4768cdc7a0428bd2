// Runs Lighthouse on several pages in one Chromium, for tests/test_lighthouse.py.
//
// Usage: node tests/js/lighthouse-runs.mjs <output-folder> <url>...
// Writes <output-folder>/<n>.json, the report of the n-th URL (from 0), and prints one line
// per URL. Launching Chromium and loading Lighthouse's config once, not once per page, is
// most of what a run costs on a small machine; Lighthouse resets storage before each page.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [output, ...urls] = process.argv.slice(2);
if (!output || urls.length === 0) {
  console.error("usage: node lighthouse-runs.mjs <output-folder> <url>...");
  process.exit(2);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: (process.env.CHROME_FLAGS || "--headless=new").split(" ").filter(Boolean),
});
let failed = false;
try {
  for (const [index, url] of urls.entries()) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      disableFullPageScreenshot: true, // a picture for the HTML report; no audit scores it
    });
    if (!result) {
      console.error(`${url}: Lighthouse returned no result`);
      failed = true;
      continue;
    }
    writeFileSync(join(output, `${index}.json`), result.report);
    console.log(`${url} done`);
  }
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
