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

// The transcript's lines in a crop of the reader at `dpr`: for each band of rows with text, how
// crisp it is: the share of its text pixels that are full ink (dark) rather than half-tone edge.
// A line drawn half a device pixel off its glyphs' texels is smeared over one more row: more
// half-tone, less ink.
async function lineCrispness(browser, site, dpr) {
  const { page } = await bootAt(browser, site, dpr);
  const r = await page.evaluate(() => window.explorer.canvas.getBoundingClientRect().top);
  const png = await page.screenshot({ clip: { x: 520, y: r + 230, width: 400, height: 400 } });
  saveShot(`foundation-lines-dpr${dpr}`, png);
  const bands = [];
  let cur = null;
  for (const [ink, mid] of [...(await pixelStats(page, png)).rowTones, [0, 0]]) {
    if (ink + mid > 0) { cur = cur || { ink: 0, mid: 0 }; cur.ink += ink; cur.mid += mid; }
    else if (cur) { if (cur.ink + cur.mid > 200) bands.push(cur.ink / (cur.ink + cur.mid)); cur = null; }
  }
  await page.context().close();
  return bands;
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
    name: 'DPR 1.25 and 1.5: every transcript line is as crisp as at DPR 1, none smeared half a device pixel (protects text on fractional scales)',
    fn: async ({ browser, site }) => {
      const base = await lineCrispness(browser, site, 1);
      assert(base.length >= 10, 'the crop holds transcript lines at DPR 1: ' + base.length);
      const mean = base.reduce((a, b) => a + b, 0) / base.length;
      for (const dpr of [1.25, 1.5]) {
        const lines = await lineCrispness(browser, site, dpr);
        assert(lines.length >= 10, `the crop holds transcript lines at DPR ${dpr}: ${lines.length}`);
        const worst = Math.min(...lines);
        assert(worst >= 0.95 * mean, `at DPR ${dpr} the blurriest line (${worst.toFixed(2)} ink) is about as crisp as DPR 1's average (${mean.toFixed(2)}): ` +
          lines.map((v) => v.toFixed(2)).join(' '));
      }
    },
  },
  {
    name: 'moving to a screen of another pixel density (DPR 1 -> 2 -> 1.5 at the same CSS size, no resize event) re-sizes the canvas backing store and redraws (protects HiDPI after a window moves between monitors)',
    fn: async ({ browser, site }) => {
      const { page } = await bootAt(browser, site, 1);
      const cdp = await page.context().newCDPSession(page);
      for (const dpr of [2, 1.5]) {
        const before = (await page.evaluate(() => window.explorer.state())).frames;
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: dpr, mobile: false });
        await page.waitForFunction((d) => { const c = window.explorer.canvas; return devicePixelRatio === d && Math.abs(c.width - c.clientWidth * d) <= 1; },
          dpr, { timeout: 5000 }).catch(() => {});
        const dims = await page.evaluate(() => { const c = window.explorer.canvas;
          return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, frames: window.explorer.state().frames }; });
        assert(Math.abs(dims.w - dims.cw * dpr) <= 1 && Math.abs(dims.h - dims.ch * dpr) <= 1,
          `at DPR ${dpr} the backing store is ${dims.w}x${dims.h} for a ${dims.cw}x${dims.ch} CSS box`);
        assert(dims.frames > before, `a frame was drawn at DPR ${dpr}`);
      }
      await page.context().close();
    },
  },
  {
    name: 'canvas follows container resizes (protects layout in embeds and on window resize)',
    fn: async ({ browser, site }) => {
      const { page } = await bootAt(browser, site, 1);
      await page.setViewportSize({ width: 700, height: 500 });
      // the canvas takes the new size in a frame or two, later on a loaded machine: wait for it
      await page.waitForFunction(() => window.explorer.canvas.width === 700, null, { timeout: 20000 }).catch(() => {});
      await page.waitForTimeout(100);
      const dims = await page.evaluate(() => ({ w: window.explorer.canvas.width, h: window.explorer.canvas.height,
        bar: document.querySelector('.tx-open-bar').offsetHeight }));
      assertEq(dims.w, 700, 'canvas width after resize');
      assert(dims.bar > 20 && dims.bar < 60, 'the Open bar has a height: ' + dims.bar);
      assertEq(dims.h, 500 - dims.bar, 'canvas height after resize (the window below the Open bar)');
      await page.context().close();
    },
  },
];
