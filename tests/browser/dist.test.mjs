// The shipped forms (scripts/dist.sh): the static site from a sub-path, the blog embed (two
// instances in a long page), the offline single file from file:// with the network blocked (and its
// "Save page as" copy), the plain-text fallback without WebGL2, and HTML escaping of the fallback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, pixelStats, saveShot, assert, assertEq, cli, DEMO_TXT } from './harness.mjs';

const SITE = path.join(ROOT, 'dist/site');
const OFFLINE = path.join(ROOT, 'dist/offline/lex-fridman-383-mark-zuckerberg.html');
const hits = new Map();
function coreHits(q) {
  if (!hits.has(q)) hits.set(q, cli(['search', '--query', q, '--json', '--limit', '1', DEMO_TXT]).occurrences);
  return hits.get(q);
}

// blockNetwork: false, or the one URL (the file:// page under test) allowed to load.
async function newPage(browser, { width = 1280, height = 800, blockNetwork = false, noWebGL = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const requests = [];
  // Block everything but the opened file itself (Playwright routes file:// navigations too);
  // every blocked request is recorded.
  if (blockNetwork) {
    await context.route('**', (r) => {
      const u = r.request().url();
      if (u === blockNetwork) return r.continue();
      requests.push(u);
      return r.abort();
    });
  }
  if (noWebGL) {
    await context.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return /webgl/i.test(type) ? null : orig.call(this, type, ...rest);
      };
    });
  }
  const page = await context.newPage();
  page.errors = [];
  page.requests = requests;
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => { if (!blockNetwork) requests.push(r.url()); });
  return page;
}

// Wait until the handle returned by `getter` (a JS expression) reports a state satisfying pred.
async function waitFor(page, getter, pred, timeout = 30000) {
  try {
    await page.waitForFunction(`(() => { try { const s = (${getter}).state(); return (${pred})(s); } catch (e) { return false; } })()`,
      null, { timeout });
  } catch (e) {
    const last = await page.evaluate(`(() => { try { return JSON.stringify((${getter}).state()); } catch (e) { return String(e); } })()`);
    throw new Error(`timed out waiting for ${pred} on ${getter}; last state ${last}`);
  }
  return page.evaluate(`(${getter}).state()`);
}

const fileUrl = (f) => pathToFileURL(f).href;
const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tx-dist-'));

export const tests = [
  {
    name: 'the demo page transfers under 600 KB brotli, with a minified loader and glue, a font without glyph names, no SDL blitters and no GL-by-name table (protects issue #9\'s page weight goal)',
    fn: async () => {
      const names = fs.readdirSync(SITE);
      const one = (re) => {
        const m = names.filter((n) => re.test(n));
        assertEq(m.length, 1, `one file ${re} in dist/site`);
        return path.join(SITE, m[0]);
      };
      const wasm = one(/^explorer\.[0-9a-f]{10}\.wasm$/), glue = one(/^explorer\.[0-9a-f]{10}\.js$/);
      const loader = one(/^explorer-loader\.[0-9a-f]{10}\.js$/), bundle = one(/^demo\.[0-9a-f]{10}\.txb$/);
      // what a server sends: the .br dist.py wrote next to a file, else the file itself
      const sent = (f) => fs.statSync(fs.existsSync(f + '.br') ? f + '.br' : f).size;
      const parts = { wasm, glue, loader, bundle, 'index.html': path.join(SITE, 'index.html') };
      const sizes = Object.fromEntries(Object.entries(parts).map(([k, f]) => [k, sent(f)]));
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      assert(total < 600000, `the page sends ${total} bytes, over the 600 KB budget: ${JSON.stringify(sizes)}`);

      // terser (scripts/minify) ran on the loader: far smaller than web/'s source, no comments but
      // the one-line preamble, error messages kept word for word
      const src = fs.readFileSync(path.join(ROOT, 'web/explorer-loader.js'), 'utf8');
      const min = fs.readFileSync(loader, 'utf8');
      assert(min.length < src.length / 2, `the shipped loader is minified: ${min.length} bytes of ${src.length}`);
      assertEq(min.split('\n').filter((l) => l.trim()).length, 2, 'the shipped loader is a preamble and one line of code');
      for (const msg of ['Could not download ', 'this browser has no WebGL2 (or it is switched off)'])
        assert(src.includes(msg) && min.includes(msg), `the loader's message "${msg}" is kept`);
      // ... and on Emscripten's glue (its runtime's function names are shortened) ...
      const glueText = fs.readFileSync(glue, 'utf8');
      assert(!glueText.includes('function UTF8ArrayToString('), 'the glue is minified');
      // ... and reads only the Module properties the loader passes (INCOMING_MODULE_JS_API)
      for (const prop of ['onRuntimeInitialized', 'wasmBinary', 'noInitialRun'])
        assert(!glueText.includes(prop), `the glue does not look for Module.${prop}`);
      // ... and the offline file inlines the minified loader too
      assert(fs.readFileSync(OFFLINE, 'utf8').includes('minified from web/explorer-loader.js'), 'the offline file has the minified loader');
      const wasmBytes = fs.readFileSync(wasm);
      // the UI font in the wasm keeps no glyph names (post table format 3: 12 KB raw, 3.8 kB brotli)
      assert(!wasmBytes.includes('uni1EF9'), 'no glyph names in the wasm\'s font');
      // SDL2 is built with SDL_LEAN_AND_MEAN (scripts/env.sh): none of its software blitters, whose
      // SDL_blit_N.c reads this hint (224 KB of code, 19 kB brotli)
      assert(!wasmBytes.includes('SDL_BLIT_CPU_FEATURES'), 'SDL\'s software blitters are not linked');
      // main_web.cpp's eglGetProcAddress keeps Emscripten's GL-by-name table (emscripten_GetProcAddress:
      // the names of every WebGL entry point and its vendor variants, ~270 emscripten_gl* imports) out
      // of the wasm and the glue (7.2 kB brotli)
      assert(!wasmBytes.includes('glDrawArraysInstancedANGLE'), 'the GL-by-name table is not linked');
    },
  },
  {
    name: 'static site served from a sub-path loads by relative, content-hashed URLs and searches (protects dist/site)',
    fn: async ({ browser }) => {
      // every hashed name is the hash of its bytes, and the .br/.gz variants decode to the same bytes
      const names = fs.readdirSync(SITE);
      const hashed = names.filter((n) => /\.[0-9a-f]{10}\.(js|wasm|txb)$/.test(n));
      assert(hashed.some((n) => n.endsWith('.wasm')) && hashed.some((n) => n.startsWith('explorer.'))
        && hashed.some((n) => n.endsWith('.txb')) && hashed.some((n) => n.startsWith('explorer-loader.')), 'hashed js, wasm, bundle, loader');
      for (const n of hashed) {
        const body = fs.readFileSync(path.join(SITE, n));
        assertEq(n.split('.').at(-2), crypto.createHash('sha256').update(body).digest('hex').slice(0, 10), `hash of ${n}`);
        if (names.includes(n + '.br')) assert(zlib.brotliDecompressSync(fs.readFileSync(path.join(SITE, n + '.br'))).equals(body), `${n}.br`);
        if (names.includes(n + '.gz')) assert(zlib.gunzipSync(fs.readFileSync(path.join(SITE, n + '.gz'))).equals(body), `${n}.gz`);
      }
      for (const n of ['index.html', hashed.find((h) => h.endsWith('.wasm')), hashed.find((h) => /^explorer\.[0-9a-f]+\.js$/.test(h))])
        assert(names.includes(n + '.br') && names.includes(n + '.gz'), `${n} has .br and .gz`);

      const prefix = '/blog/2026/tools/explorer/';
      const srv = await serve(SITE, prefix);
      const page = await newPage(browser);
      await page.goto(srv.url);
      let s = await waitFor(page, 'window.explorer', 's => s.ready || s.error');
      assertEq(s.error, null, 'no load error');
      await page.evaluate(() => window.explorer.setQuery('llama'));
      s = await waitFor(page, 'window.explorer', 's => s.query === "llama"');
      assertEq(s.totalHits, coreHits('llama'), 'hits equal the native core\'s');
      await page.waitForTimeout(300);
      const png = await page.screenshot();
      saveShot('dist-site-subpath', png);
      assert((await pixelStats(page, png)).distinctColours > 200, 'the explorer is drawn (text, highlights, topics)');
      const outside = srv.requests.filter((p) => !p.startsWith(prefix));
      assertEq(outside.length, 0, 'every request stays under the sub-path: ' + outside.join(' '));
      assert(srv.requests.some((p) => /explorer\.[0-9a-f]{10}\.wasm$/.test(p)), 'the hashed wasm was fetched');
      assert(srv.requests.some((p) => /demo\.[0-9a-f]{10}\.txb$/.test(p)), 'the hashed bundle was fetched');
      // index.html preloads the loader by its hashed name, the one its script tag loads
      const loaders = srv.requests.filter((p) => /explorer-loader[.0-9a-f]*\.js$/.test(p));
      assertEq(loaders.length, 1, 'the loader is downloaded once: ' + loaders.join(' '));
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      // the iframe variant takes its bundle and query from the URL
      const bundle = hashed.find((n) => n.endsWith('.txb'));
      const p2 = await newPage(browser, { width: 700, height: 480 });
      await p2.goto(srv.url + 'embed.html?bundle=' + encodeURIComponent(bundle) + '&q=metaverse');
      const e = await waitFor(p2, 'window.explorer', 's => s.ready && s.query === "metaverse"');
      assertEq(e.totalHits, coreHits('metaverse'), 'embed.html searched its q= parameter');
      await p2.waitForTimeout(300);
      saveShot('dist-embed-iframe-page', await p2.screenshot());
      await p2.context().close();
      srv.close();
    },
  },
  {
    name: 'blog page with two embeds: independent queries, keys only with focus, wheel scrolls the page unless a pane can scroll, canvas follows its container (protects the embed)',
    fn: async ({ browser }) => {
      const dir = tmpdir();
      fs.symlinkSync(SITE, path.join(dir, 'explorer'));
      const bundle = fs.readdirSync(SITE).find((n) => /^demo\.[0-9a-f]+\.txb$/.test(n));
      const para = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '.repeat(6) + '</p>\n';
      fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html><html><head><meta charset="utf-8"><title>A post</title>
<style>body { font: 16px/1.5 Georgia, serif; max-width: 760px; margin: 0 auto; padding: 0 16px; color: #222; }</style></head>
<body><h1>A blog post about a podcast</h1>${para.repeat(12)}
<div id="e1" data-transcript-explorer data-bundle="explorer/${bundle}" data-query="llama" style="height:440px"></div>
${para.repeat(12)}
<div id="e2" data-transcript-explorer data-bundle="explorer/${bundle}" data-query="metaverse"></div>
${para.repeat(12)}<script src="explorer/explorer-loader.js" defer></script></body></html>`);
      const srv = await serve(dir, '/');
      const page = await newPage(browser, { width: 1000, height: 800 });
      await page.goto(srv.url + 'post.html');
      const e1 = 'document.getElementById("e1").transcriptExplorer', e2 = 'document.getElementById("e2").transcriptExplorer';
      const s1 = await waitFor(page, e1, 's => s.ready && s.query === "llama"');
      const s2 = await waitFor(page, e2, 's => s.ready && s.query === "metaverse"');
      assertEq(s1.totalHits, coreHits('llama'), 'embed 1 counts its own query');
      assertEq(s2.totalHits, coreHits('metaverse'), 'embed 2 counts its own query');
      assert(s1.totalHits !== s2.totalHits, 'the two queries give different counts');
      // the two explorers started together share one download of the bundle and one of the wasm
      assertEq(srv.requests.filter((p) => p.endsWith('/' + bundle)).length, 1, 'the bundle was downloaded once for both embeds');
      assertEq(srv.requests.filter((p) => /explorer\.[0-9a-f]{10}\.wasm$/.test(p)).length, 1, 'explorer.wasm was downloaded once for both embeds');
      const css = await page.evaluate(() => ({
        sheets: document.styleSheets.length, styles: document.querySelectorAll('style,link[rel=stylesheet]').length,
        font: getComputedStyle(document.querySelector('p')).fontFamily, canvases: document.querySelectorAll('canvas').length,
        h2: document.getElementById('e2').getBoundingClientRect().height,
      }));
      assertEq(css.sheets, 1, 'no stylesheet added to the page');
      assertEq(css.styles, 1, 'no <style>/<link> added to the page');
      assert(/Georgia/.test(css.font), 'the page\'s own font is untouched');
      assertEq(css.canvases, 2, 'one canvas per embed');
      assertEq(css.h2, 480, 'a container without a height gets the default 480 px');
      assertEq(await page.evaluate(() => window.scrollY), 0, 'mounting did not scroll the page (no focus stolen)');

      // keyboard: typing with the page focused reaches neither explorer; clicking one focuses only it
      await page.click('h1');
      await page.keyboard.type('zz');
      await page.waitForTimeout(200);
      assertEq((await page.evaluate(`${e1}.state()`)).query, 'llama', 'keys without focus do not reach embed 1');
      assertEq((await page.evaluate(`${e2}.state()`)).query, 'metaverse', 'nor embed 2');
      await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      let box = await page.locator('#e1 canvas').boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + 20);  // the search box row
      await page.waitForTimeout(200);
      await waitFor(page, e1, 's => s.typing');
      await page.waitForTimeout(250);
      await page.keyboard.press('Control+A');  // select the old query and delete it
      await page.keyboard.press('Backspace');
      await page.keyboard.type('zuckerberg', { delay: 40 });
      const t1 = await waitFor(page, e1, 's => s.query === "zuckerberg"');
      assertEq(t1.totalHits, coreHits('zuckerberg'), 'typing searched in embed 1');
      assertEq((await page.evaluate(`${e2}.state()`)).query, 'metaverse', 'embed 2 kept its query while embed 1 was typed into');
      saveShot('dist-blog-e1', await page.screenshot());
      // Tab walks the explorer's parts, then leaves it for the next focusable element (here: the
      // second embed's canvas): no focus trap
      const focusedEmbed = () => page.evaluate(() => document.activeElement.parentElement && document.activeElement.parentElement.id);
      let tabs = 0;
      while (tabs < 20 && (await focusedEmbed()) === 'e1') {
        await page.keyboard.press('Tab');
        ++tabs;
        await page.waitForTimeout(60);
      }
      assert(tabs > 1, 'Tab first moved within embed 1 (' + tabs + ' presses)');
      assertEq(await focusedEmbed(), 'e2', 'Tab moved focus on');
      assertEq((await page.evaluate(`${e1}.state()`)).query, 'zuckerberg', 'Tab did not edit embed 1');

      // wheel over the timeline (nothing there scrolls): the page scrolls
      await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, document.getElementById('e1').offsetTop - 100); });
      await page.waitForTimeout(300);
      // embed 1's column is under 736 px (the phone layout's tabs) and its data-query opened it on
      // the Results tab (phone.test.mjs): show the reader for the wheel checks below
      const tabs1 = (await page.evaluate(`${e1}.state()`)).tabs.Transcript;
      box = await page.locator('#e1 canvas').boundingBox();
      await page.mouse.click(box.x + tabs1[0] + tabs1[2] / 2, box.y + tabs1[1] + tabs1[3] / 2);
      await waitFor(page, e1, 's => s.narrowTab === "Transcript"', 5000);
      await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, document.getElementById('e1').offsetTop - 100); });
      await page.waitForTimeout(300);
      box = await page.locator('#e1 canvas').boundingBox();
      const tl = (await page.evaluate(`${e1}.state()`)).timeline;
      assert(tl[2] > 50 && tl[3] > 10, 'the timeline was drawn: ' + tl);
      const y0 = await page.evaluate(() => window.scrollY);
      await page.mouse.move(box.x + tl[0] + tl[2] / 2, box.y + tl[1] + tl[3] / 2);
      await page.mouse.wheel(0, 240);
      await page.waitForFunction((y) => window.scrollY > y + 100, y0, { timeout: 5000 });
      // and over the reader (which can scroll down), the reader scrolls and the page stays
      box = await page.locator('#e1 canvas').boundingBox();
      const y1 = await page.evaluate(() => window.scrollY);
      const w1 = (await page.evaluate(`${e1}.state()`)).word;
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height - 60);
      await page.mouse.wheel(0, 240);
      await waitFor(page, e1, `s => s.word > ${w1}`, 5000);
      await page.waitForTimeout(200);
      assertEq(await page.evaluate(() => window.scrollY), y1, 'the page did not scroll while the reader did');
      // at the very top of the reader, scrolling up has nothing to scroll: the page scrolls up
      await page.evaluate(`${e1}.seek({ episode: 0, timeMs: 0 })`);
      await page.waitForTimeout(300);
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height - 60);
      await page.mouse.wheel(0, -240);
      await page.waitForFunction((y) => window.scrollY < y - 100, y1, { timeout: 5000 });
      saveShot('dist-blog-wheel', await page.screenshot());

      // the canvas follows its container's size
      await page.evaluate(() => { const e = document.getElementById('e2'); e.style.width = '520px'; e.style.height = '360px'; });
      await page.waitForFunction(() => { const c = document.querySelector('#e2 canvas'); return c.width === 520 && c.height === 360; }, null, { timeout: 5000 });
      await page.evaluate(() => document.getElementById('e2').scrollIntoView());
      await page.waitForTimeout(300);
      const shot = await page.locator('#e2').screenshot();
      saveShot('dist-blog-e2-resized', shot);
      assert((await pixelStats(page, shot)).inkPixels > 2000, 'the resized embed is drawn, not blank');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      srv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'offline file from file:// with the network blocked loads, searches, makes no request, and so does its "Save page as" copy (protects the offline edition)',
    fn: async ({ browser }) => {
      const open = async (file) => {
        const page = await newPage(browser, { blockNetwork: fileUrl(file) });
        const seen = [];
        page.on('request', (r) => seen.push(r.url()));
        await page.goto(fileUrl(file));
        let s = await waitFor(page, 'window.explorer', 's => s.ready || s.error || s.phase === "fallback"');
        assertEq(s.error, null, 'no load error');
        assert(s.ready, 'ready');
        await page.evaluate(() => window.explorer.setQuery('llama'));
        s = await waitFor(page, 'window.explorer', 's => s.query === "llama"');
        assertEq(s.totalHits, coreHits('llama'), 'hits equal the native core\'s');
        const others = seen.filter((u) => u !== fileUrl(file));
        assertEq(others.length + page.requests.length, 0, 'no request besides the file itself: ' + others.concat(page.requests).join(' '));
        return page;
      };
      const page = await open(OFFLINE);
      await page.waitForTimeout(300);
      const png = await page.screenshot();
      saveShot('dist-offline', png);
      assert((await pixelStats(page, png)).distinctColours > 200, 'the explorer is drawn');
      // the text stays in the document for screen readers, out of sight
      const a11y = await page.evaluate(() => {
        const t = document.getElementById('tx-text'), r = t.getBoundingClientRect(), cs = getComputedStyle(t);
        return { w: r.width, display: cs.display, vis: cs.visibility, len: t.textContent.length };
      });
      assert(a11y.w <= 1 && a11y.display !== 'none' && a11y.vis !== 'hidden' && a11y.len > 100000, 'text visually hidden but readable: ' + JSON.stringify(a11y));
      // "Save page as" (Webpage, complete) stores the live DOM: do the same and open the copy
      const saved = '<!DOCTYPE html>\n' + await page.evaluate(() => document.documentElement.outerHTML);
      await page.context().close();
      const dir = tmpdir();
      const copy = path.join(dir, 'saved copy.html');
      fs.writeFileSync(copy, saved);
      const page2 = await open(copy);
      assertEq(await page2.evaluate(() => document.querySelectorAll('canvas').length), 1, 'the saved copy runs one explorer, not the stale canvas');
      saveShot('dist-offline-saved-copy', await page2.screenshot());
      assertEq(page2.errors.length, 0, 'no page errors: ' + page2.errors.join(' | '));
      await page2.context().close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'without WebGL2 the offline file shows the transcript as text, and the embed says why (protects the fallback)',
    fn: async ({ browser }) => {
      const page = await newPage(browser, { blockNetwork: fileUrl(OFFLINE), noWebGL: true });
      await page.goto(fileUrl(OFFLINE));
      const s = await waitFor(page, 'window.explorer', 's => s.phase === "fallback"');
      assert(/WebGL2/.test(s.error), 'the reason names WebGL2: ' + s.error);
      const vis = await page.evaluate(() => {
        const t = document.getElementById('tx-text'), r = t.getBoundingClientRect();
        return { w: r.width, h: r.height, h1: t.querySelector('h1').textContent, note: document.getElementById('tx-note').textContent,
                 p: t.querySelectorAll('p').length, canvases: document.querySelectorAll('canvas').length };
      });
      assert(vis.w > 400 && vis.h > 2000, 'the text is laid out on the page: ' + JSON.stringify(vis));
      assertEq(vis.h1, 'Mark Zuckerberg (Lex Fridman Podcast #383)', 'title heading');
      assert(/cannot run here/.test(vis.note), 'the note says the explorer cannot run');
      assertEq(vis.canvases, 0, 'no canvas');
      const demoWords = fs.readFileSync(DEMO_TXT, 'utf8').split(/\s+/).filter(Boolean);
      const text = await page.evaluate(() => Array.from(document.querySelectorAll('#tx-text article p')).map((p) => p.textContent).join(' '));
      assertEq(text.split(/\s+/).filter(Boolean).length, demoWords.length, 'every word of the transcript is in the fallback');
      const png = await page.screenshot();
      saveShot('dist-offline-fallback', png);
      assert((await pixelStats(page, png)).inkPixels > 20000, 'text is visible');
      await page.context().close();

      // the embed without WebGL2: a message in its container, nothing else on the page touched
      const srv = await serve(SITE, '/x/');
      const p2 = await newPage(browser, { noWebGL: true });
      await p2.goto(srv.url + 'embed.html?q=llama');
      await p2.waitForFunction(() => /WebGL2/.test(document.getElementById('boot')?.textContent || ''), null, { timeout: 10000 });
      await p2.context().close();
      srv.close();
    },
  },
  {
    name: 'offline fallback HTML-escapes hostile titles and text: <script> and <img onerror> stay text (protects against XSS from transcripts)',
    fn: async ({ browser }) => {
      const dir = tmpdir();
      const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & "quotes"';
      fs.writeFileSync(path.join(dir, 'evil.txt'), `hello ${evil}\n\n</p></main><script>window.__pwned=3</script> bye @@TX_TEXT@@`);
      fs.writeFileSync(path.join(dir, 'm.tsv'), `file\ttitle\nevil.txt\tEp ${evil}\n`);
      const out = path.join(dir, 'evil.html');
      execFileSync('python3', [path.join(ROOT, 'scripts/dist.py'), 'offline', '--js', path.join(ROOT, 'build-web/explorer-single.js'),
        '--loader', path.join(ROOT, 'web/explorer-loader.js'), '--template', path.join(ROOT, 'web/offline.html'),
        '--bundle', path.join(ROOT, 'build-web/site/demo.txb'), '--manifest', path.join(dir, 'm.tsv'),
        '--title', `Title ${evil}`, '--out', out], { stdio: 'pipe' });
      const page = await newPage(browser, { blockNetwork: fileUrl(out), noWebGL: true });
      await page.goto(fileUrl(out));
      await waitFor(page, 'window.explorer', 's => s.phase === "fallback"');
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => ({
        pwned: window.__pwned, imgs: document.querySelectorAll('img').length, title: document.title,
        h1: document.querySelector('h1').textContent, h2: document.querySelector('h2').textContent,
        text: document.getElementById('tx-text').textContent, scripts: document.querySelectorAll('script').length,
      }));
      assertEq(r.pwned, undefined, 'no injected script ran');
      assertEq(r.imgs, 0, 'no <img> element was created');
      assertEq(r.scripts, 4, 'only the file\'s own four <script> elements');
      assertEq(r.h1, `Title ${evil}`, 'the title is shown literally');
      assertEq(r.h2, `Ep ${evil}`, 'the manifest title is shown literally');
      assert(r.title.startsWith(`Title ${evil}`), 'document title literal');
      assert(r.text.includes('</p></main><script>window.__pwned=3</script> bye @@TX_TEXT@@'), 'the text is shown literally');
      await page.context().close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
];
