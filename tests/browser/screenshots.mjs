// Regenerates docs/screenshots/*.png (the README's pictures) from the built site:
//   node tests/browser/screenshots.mjs
import path from 'node:path';
import fs from 'node:fs';
import { ROOT, serve, launch, openPage, waitState, typeQuery } from './harness.mjs';

const OUTDIR = path.join(ROOT, 'docs/screenshots');
fs.mkdirSync(OUTDIR, { recursive: true });
const site = await serve(path.join(ROOT, 'build-web/site'));
const browser = await launch();
const shots = [
  { name: 'desktop-search', w: 1280, h: 800, query: 'llama', next: true },
  { name: 'desktop-dark-topics', w: 1280, h: 800, query: 'metaverse', dark: true },
  { name: 'phone-search', w: 390, h: 844, query: 'jiu jitsu', next: true },
  { name: 'phone-results', w: 390, h: 844, query: 'open source', tab: 'results' },
];
for (const s of shots) {
  const page = await openPage(browser, site.url, { width: s.w, height: s.h, dpr: 2 });
  await waitState(page);
  if (s.dark) await page.evaluate(() => window.explorer.setDark(true));
  await typeQuery(page, s.query);
  if (s.next) await page.keyboard.press('Enter');
  if (s.tab === 'results') {
    const st = await page.evaluate(() => window.explorer.state());
    const box = await page.locator('canvas').boundingBox();  // timeline is in canvas pixels (the Open bar sits above)
    await page.mouse.click(box.x + 150, box.y + st.timeline[1] + st.timeline[3] + 18);
  }
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUTDIR, s.name + '.png') });
  console.log('wrote', path.join('docs/screenshots', s.name + '.png'));
  await page.context().close();
}
await browser.close();
site.close();
