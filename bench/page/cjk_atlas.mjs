// How long the font atlas takes with Chinese from the browser's fonts (BrowserGlyphs in
// src/platform/main_web.cpp): for each N x DPR given, drops a text of N distinct Han characters
// (U+4E00 on, every 7th) on the page at that devicePixelRatio and reports state()'s fontAtlasMs and
// its browserGlyphsMs, then the same after a query with two characters new to the atlas.
//   node bench/page/cjk_atlas.mjs 2500x1 2500x2     (after scripts/build.sh web)
import path from 'node:path';
import { ROOT, serve, launch, openPage, waitState } from '../../tests/browser/harness.mjs';

const site = await serve(path.join(ROOT, 'build-web/site'));
const browser = await launch();
for (const [n, dpr] of process.argv.slice(2).map((a) => a.split('x').map(Number))) {
  let text = '';
  for (let i = 0; i < n; ++i) text += String.fromCharCode(0x4E00 + (i * 7) % 20000) + (i % 40 === 39 ? '\n\n' : '');
  const page = await openPage(browser, site.url + 'index.html', { dpr });
  await waitState(page, 's => s.ready');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'cjk.txt'));
    for (const type of ['dragenter', 'dragover', 'drop'])
      document.querySelector('canvas').dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await waitState(page, 's => s.ready && s.episodes === 1 && s.fontAtlasAllGlyphs');
  await page.waitForTimeout(1000);
  const s = await page.evaluate(() => window.explorer.state());
  await page.evaluate(() => window.explorer.setQuery('\u9F98\uAC00'));
  await waitState(page, 's => s.query === "\u9F98\uAC00"');
  await page.waitForTimeout(800);
  const q = await page.evaluate(() => window.explorer.state());
  const ms = (x) => x.toFixed(1);
  console.log(`${n} characters at dpr ${dpr}: fontAtlasMs ${ms(s.fontAtlasMs)} (browser ${ms(s.browserGlyphsMs)}), ` +
    `${s.browserGlyphs} from the browser, ${s.missingGlyphs} missing, longest frame ${ms(s.longestFrameMs)} ms; ` +
    `a query with 2 new characters: fontAtlasMs ${ms(q.fontAtlasMs)} (browser ${ms(q.browserGlyphsMs)}, ${q.browserGlyphsDrawn} drawn)`);
  await page.context().close();
}
await browser.close();
site.close();
