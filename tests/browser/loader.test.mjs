// The loader's start-up order: the bundle downloads in parallel with explorer.js and explorer.wasm
// (not after the module started), bytes that are already here go into the first frame, and a
// bundle that comes after the module started still loads, with the download screen first. Also
// the first frame's font atlas: only the UI's glyphs for ASCII text, every glyph otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, FIRST_DRAWN_INIT, serve, openPage, waitState, pixelStats, regionPixels, saveShot, assert, assertEq } from './harness.mjs';

const demoWords = fs.readFileSync(path.join(ROOT, 'assets/lex-fridman-383-mark-zuckerberg.txt'), 'utf8').split(/\s+/).filter(Boolean).length;

// In the page before any script: when WebAssembly.instantiate is called, and the explorer's state
// right after the first animation frame in which it drew (read through the container's handle).
const INIT = `(() => {
  window.__tx = { instantiateMs: null };
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { if (window.__tx.instantiateMs === null) window.__tx.instantiateMs = performance.now(); return inst.apply(this, a); };
})();` + FIRST_DRAWN_INIT;

const timing = (page, name) => page.evaluate((n) => {
  const e = performance.getEntriesByType('resource').find((r) => r.name.split('/').pop().split('?')[0] === n);
  return e ? { start: e.startTime, end: e.responseEnd } : null;
}, name);

// The site, with a bundle `name` beside it: build/transcript's pack of `input`, one of the files
// files(dir) returns ({ name: content }, written to a temporary dir first).
async function servePacked(name, input, files) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-pack-'));
  for (const [f, text] of Object.entries(files(tmp))) fs.writeFileSync(path.join(tmp, f), text);
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '--quiet', '-o', path.join(tmp, name), path.join(tmp, input)]);
  const srv = await serve(path.join(ROOT, 'build-web/site'), '/', { [name]: fs.readFileSync(path.join(tmp, name)) });
  fs.rmSync(tmp, { recursive: true, force: true });
  return srv;
}

export const tests = [
  {
    name: 'the bundle download starts before explorer.wasm is instantiated, and the first frame drawn shows the loaded transcript (protects the parallel bundle fetch)',
    fn: async ({ browser, site }) => {
      // explorer.wasm held back 400 ms: the bundle is surely here before the module starts
      const page = await openPage(browser, site.url, { init: INIT, delays: [['**/explorer.wasm', 400]] });
      // ready comes with the load call, before the frame that shows it: wait for that frame too
      // (reading the state between the two made this test flaky in CI)
      const s = await waitState(page, (st) => (st.ready && st.firstFrameMs > 0) || st.error);
      assertEq(s.error, null, 'no load error');
      const tx = await page.evaluate(() => window.__tx);
      const txb = await timing(page, 'demo.txb'), wasm = await timing(page, 'explorer.wasm'), js = await timing(page, 'explorer.js');
      assert(txb && wasm && js && tx.instantiateMs !== null, 'the bundle, explorer.js and explorer.wasm were fetched and the wasm instantiated');
      assert(txb.start < tx.instantiateMs, `the bundle request (${txb.start.toFixed(0)} ms) started before the module was instantiated (${tx.instantiateMs.toFixed(0)} ms)`);
      // (not also "before explorer.js arrived": all three are preloaded from <head>, and on a busy
      // machine Chromium started the bundle's lower-priority preload 9 ms after explorer.js landed)
      assert(wasm.start < js.end, `explorer.wasm (${wasm.start.toFixed(0)} ms) was requested before explorer.js had arrived (${js.end.toFixed(0)} ms)`);
      assert(tx.firstDrawnState && tx.firstDrawnState.ready === true && tx.firstDrawnState.words === demoWords,
        'the first frame drawn already showed the searchable demo: ' + JSON.stringify(tx.firstDrawnState && { ready: tx.firstDrawnState.ready, phase: tx.firstDrawnState.phase, words: tx.firstDrawnState.words }));
      assert(s.indexedMs > 0 && s.indexedMs === s.firstFrameMs, `the first frame with the transcript is the frame where it is searchable (indexedMs ${s.indexedMs}, firstFrameMs ${s.firstFrameMs})`);
      await page.waitForTimeout(300);
      const png = await page.screenshot();
      saveShot('loader-bundle-first', png);
      assert((await pixelStats(page, png)).darkPixels > 2000, 'the transcript is drawn');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'a bundle that arrives after the explorer started shows the download screen, then loads and searches (protects the hand-over in the other order)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url, { init: INIT, delays: [['**/demo.txb', 2500]] });
      // the module runs and draws while the bundle is still on its way
      // (window.explorer is set once the bundle loaded: read the container's handle)
      await page.waitForFunction(() => {
        const el = document.getElementById('explorer');
        return el && el.transcriptExplorer && el.transcriptExplorer.state().frames > 0;
      }, null, { timeout: 15000, polling: 20 });
      await page.waitForTimeout(150);  // the frame that shows it
      const waiting = await page.evaluate(() => document.getElementById('explorer').transcriptExplorer.state());
      assertEq(waiting.ready, false, 'not ready before the bundle came');
      assertEq(waiting.phase, 'downloading', 'the explorer says it is downloading while the bundle is on its way');
      const png = await page.screenshot();
      saveShot('loader-bundle-late-downloading', png);
      assert((await pixelStats(page, png)).inkPixels > 300, 'the download screen is drawn, not a blank canvas');
      assertEq(await page.evaluate(() => document.getElementById('boot')), null, 'the page\'s boot text made way for the drawn explorer');
      const tx = await page.evaluate(() => window.__tx);
      assertEq(tx.firstDrawnState.ready, false, 'the first frame was drawn before the bundle came');
      const s = await waitState(page, 's => s.ready || s.error', 20000);
      assertEq(s.error, null, 'no load error');
      assertEq(s.words, demoWords, 'every word of the demo is loaded');
      await page.evaluate(() => window.explorer.setQuery('zuckerberg'));
      const q = await page.evaluate(() => window.explorer.state());
      assert(q.totalHits > 0, 'the late bundle answers a query');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'index.html requests explorer-loader.js first, before explorer.wasm, and downloads it once (protects the loader\'s preload: nothing starts before the loader ran)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url);
      const s = await waitState(page);
      assertEq(s.error, null, 'no load error');
      const loads = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => /\/(explorer-loader\.js|explorer\.wasm)$/.test(e.name)).map((e) => ({ name: e.name.split('/').pop(), start: e.startTime })));
      const loader = loads.filter((e) => e.name === 'explorer-loader.js'), wasm = loads.filter((e) => e.name === 'explorer.wasm');
      assertEq(loader.length, 1, 'the loader is downloaded once (its script tag takes the preloaded response)');
      assertEq(wasm.length, 1, 'explorer.wasm is downloaded once');
      assert(loader[0].start <= wasm[0].start, `the loader was requested (${loader[0].start.toFixed(1)} ms) no later than explorer.wasm (${wasm[0].start.toFixed(1)} ms)`);
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'explorer.wasm served with a wrong Content-Type still starts, and a missing explorer.wasm is reported by name (protects the loader\'s own WASM download)',
    fn: async ({ browser, site }) => {
      const octet = async (r) => {
        const resp = await r.fetch();
        await r.fulfill({ response: resp, headers: { ...resp.headers(), 'content-type': 'application/octet-stream' } });
      };
      const page = await openPage(browser, site.url, { routes: [['**/explorer.wasm', octet]] });
      const s = await waitState(page);
      assertEq(s.error, null, 'no load error');
      assertEq(s.words, demoWords, 'the demo loaded');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      const missing = await openPage(browser, site.url, { routes: [['**/explorer.wasm', (r) => r.fulfill({ status: 404, body: 'not found' })]] });
      await missing.waitForFunction(() => /could not start/.test(document.getElementById('boot') ? document.getElementById('boot').textContent : ''), null, { timeout: 15000 });
      const text = await missing.evaluate(() => document.getElementById('boot').textContent);
      assert(/explorer\.wasm \(HTTP 404\)/.test(text), 'the page names the missing file and the status: ' + text);
      await missing.context().close();
    },
  },
  {
    name: 'the first frame of ASCII text rasterises only the UI\'s glyphs and the full atlas follows while idle without a drawn frame; accented text has every glyph on its first frame (protects the fast first frame without missing letters)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url, { init: INIT });
      const s = await waitState(page);
      assertEq(s.error, null, 'no load error');
      const first = await page.evaluate(() => window.__tx.firstDrawnState);
      assert(first.ready === true && first.fontAtlasAllGlyphs === false, 'the demo (ASCII) was first drawn with the UI\'s glyphs: ' +
        JSON.stringify({ ready: first.ready, all: first.fontAtlasAllGlyphs }));
      await page.waitForFunction(() => window.explorer.state().fontAtlasAllGlyphs === true, null, { timeout: 10000, polling: 50 });
      const framesFull = await page.evaluate(() => window.explorer.state().frames);
      await page.waitForTimeout(500);
      assertEq(await page.evaluate(() => window.explorer.state().frames), framesFull, 'completing the atlas drew no frame, and the page stays idle');
      await page.evaluate(() => window.explorer.setQuery('caf\u00e9'));  // a letter outside the first atlas, now present
      await page.waitForTimeout(300);
      const png = await page.screenshot();
      assert((await pixelStats(page, png)).darkPixels > 2000, 'text is drawn with the full atlas');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();

      // a transcript with accented letters: the atlas of its first frame has them
      const srv = await servePacked('accents.txb', 'accents.txt', () => ({
        'accents.txt': 'Caf\u00e9 au lait in Z\u00fcrich, a na\u00efve fa\u00e7ade and a \u0141\u00f3d\u017a r\u00e9sum\u00e9. '.repeat(40) }));
      const p2 = await openPage(browser, srv.url + '?bundle=accents.txb', { init: INIT });
      const s2 = await waitState(p2);
      assertEq(s2.error, null, 'no load error');
      const first2 = await p2.evaluate(() => window.__tx.firstDrawnState);
      assert(first2.ready === true && first2.fontAtlasAllGlyphs === true, 'the accented transcript was first drawn with every glyph: ' +
        JSON.stringify({ ready: first2.ready, all: first2.fontAtlasAllGlyphs }));
      saveShot('loader-accents-first', await p2.screenshot());
      assertEq(p2.errors.length, 0, 'no page errors: ' + p2.errors.join(' | '));
      await p2.context().close();
      srv.close();
    },
  },
  {
    name: 'a title drawn before the full atlas looks as it does with it (protects the first atlas\' large size, which holds only the headings\' characters)',
    fn: async ({ browser }) => {
      // every printable ASCII character in the title (long enough to be cut with an ellipsis)
      const title = 'Title ' + Array.from({ length: 94 }, (_, k) => String.fromCharCode(33 + k)).join('') + ' and more words';
      const srv = await servePacked('title.txb', 'ep.tsv', (dir) => ({
        'ep.txt': 'a few plain words to read in this episode. '.repeat(40),
        'ep.tsv': `file\ttitle\n${path.join(dir, 'ep.txt')}\t${title}\n` }));
      const page = await openPage(browser, srv.url + '?bundle=title.txb', { init: INIT });
      const s = await waitState(page);
      assertEq(s.error, null, 'no load error');
      assertEq((await page.evaluate(() => window.__tx.firstDrawnState)).fontAtlasAllGlyphs, false, 'first drawn with the UI\'s atlas');
      // the full atlas is built while idle without a drawn frame: the canvas still shows the first atlas' title
      await page.waitForFunction(() => window.explorer.state().fontAtlasAllGlyphs === true, null, { timeout: 10000, polling: 50 });
      const frames = await page.evaluate(() => window.explorer.state().frames);
      const box = s.searchBox;  // the title line is under the search box (canvas coordinates)
      const top = await page.evaluate(() => document.querySelector('canvas').getBoundingClientRect().top);
      const clip = { x: 0, y: top + box[1] + box[3] + 2, width: 1000, height: 34 };
      const before = await page.screenshot({ clip });
      assertEq(await page.evaluate(() => window.explorer.state().frames), frames, 'no frame drawn before the first shot');
      await page.mouse.move(700, 500);  // a redraw, now with the full atlas
      await page.waitForFunction((f) => window.explorer.state().frames > f, frames, { timeout: 5000 });
      await page.waitForTimeout(300);
      const after = await page.screenshot({ clip });
      saveShot('loader-title-first-atlas', before);
      saveShot('loader-title-full-atlas', after);
      assert((await pixelStats(page, after)).darkPixels > 300, 'the title is drawn');
      const a = (await regionPixels(page, before)).data, b = (await regionPixels(page, after)).data;
      let far = 0, maxd = 0;
      for (let i = 0; i < a.length; i += 4) {
        const d = Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
        maxd = Math.max(maxd, d);
        if (d > 90) far++;
      }
      // the same glyphs at the same places: at most a rounding step apart (the atlases differ in size,
      // so texture coordinates do by a last bit); a '?' for a missing letter differs by whole strokes
      assert(far === 0 && maxd <= 30, `the title line drawn with the first atlas is the one drawn with the full atlas (${far} pixels differ by more than 90, largest difference ${maxd})`);
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      srv.close();
    },
  },
];
