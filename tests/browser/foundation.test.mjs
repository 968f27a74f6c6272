// Foundation: the page boots the WASM explorer, decompresses the demo bundle and draws real text.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, openPage, waitState, pixelStats, saveShot, assert, assertEq } from './harness.mjs';

const demoText = fs.readFileSync(path.join(ROOT, 'assets/lex-fridman-383-mark-zuckerberg.txt'), 'utf8');
const demoWords = demoText.split(/\s+/).filter(Boolean).length;

async function bootAt(browser, site, dpr) {
  const page = await openPage(browser, site.url, { dpr });
  const s = await waitState(page);
  assertEq(s.error, null, 'no load error');
  assert(s.ready, 'explorer reports ready');
  await page.waitForTimeout(300);  // let a few frames draw
  return { page, s };
}

export const tests = [
  {
    name: 'demo bundle loads and reports the true word count (protects decompression + counting in WASM)',
    fn: async ({ browser, site }) => {
      const { page, s } = await bootAt(browser, site, 1);
      assertEq(s.words, demoWords, 'word count equals the demo transcript\'s whitespace word count');
      assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'canvas is not blank and shows text at DPR 1 (protects rendering)',
    fn: async ({ browser, site }) => {
      const { page } = await bootAt(browser, site, 1);
      const png = await page.screenshot();
      saveShot('foundation-dpr1', png);
      const st = await pixelStats(page, png);
      assert(st.distinctColours > 20, `antialiased text gives many colours, got ${st.distinctColours}`);
      assert(st.darkPixels > 2000, `text pixels present, got ${st.darkPixels}`);
      await page.context().close();
    },
  },
  {
    name: 'DPR 2: canvas backing store is 2x its CSS size, so text is rasterised sharp (protects HiDPI)',
    fn: async ({ browser, site }) => {
      const { page } = await bootAt(browser, site, 2);
      const dims = await page.evaluate(() => {
        const c = window.explorer.canvas;
        return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
      });
      assertEq(dims.w, dims.cw * 2, 'backing width = 2 x CSS width');
      assertEq(dims.h, dims.ch * 2, 'backing height = 2 x CSS height');
      const png = await page.screenshot();
      saveShot('foundation-dpr2', png);
      const st = await pixelStats(page, png);
      assert(st.darkPixels > 8000, `text pixels present at 2x, got ${st.darkPixels}`);
      await page.context().close();
    },
  },
  {
    name: 'canvas follows container resizes (protects layout in embeds and on window resize)',
    fn: async ({ browser, site }) => {
      const { page } = await bootAt(browser, site, 1);
      await page.setViewportSize({ width: 700, height: 500 });
      await page.waitForTimeout(400);
      const dims = await page.evaluate(() => ({ w: window.explorer.canvas.width, h: window.explorer.canvas.height,
        bar: document.querySelector('.tx-open-bar').offsetHeight }));
      assertEq(dims.w, 700, 'canvas width after resize');
      assert(dims.bar > 20 && dims.bar < 60, 'the Open bar has a height: ' + dims.bar);
      assertEq(dims.h, 500 - dims.bar, 'canvas height after resize (the window below the Open bar)');
      await page.context().close();
    },
  },
];
