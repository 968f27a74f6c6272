// Browser test harness: a static file server on 127.0.0.1 and Debian's chromium via playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const OUT = path.join(ROOT, 'tests/browser/out');

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

// Serve `dir` at http://127.0.0.1:<port>/<prefix>; `extra` maps file names to Buffers served
// beside it (e.g. a corrupt bundle made by a test). Returns { url, close, requests }.
export function serve(dir, prefix = '/', extra = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(p);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    p = p.slice(prefix.length);
    if (extra[p]) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': extra[p].length });
      res.end(extra[p]);
      return;
    }
    if (p === '' || p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close(), requests });
  }));
}

export async function launch() {
  // playwright gives every non-persistent launch a fresh temporary profile (no --user-data-dir needed)
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Open a page, collecting console errors; fails the test on uncaught page errors. init: a script
// run in the page before any of its own; delays: [[url glob, ms]] holds those responses back;
// routes: [[url glob, handler(route)]] (playwright's context.route).
export async function openPage(browser, url, { width = 1280, height = 800, dpr = 1, init = null, delays = [], routes = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  if (init) await context.addInitScript(init);
  for (const [glob, ms] of delays)
    await context.route(glob, async (r) => { await new Promise((res) => setTimeout(res, ms)); await r.continue(); });
  for (const [glob, handler] of routes) await context.route(glob, handler);
  const page = await context.newPage();
  // TX_CPU_THROTTLE=4: the page runs 4x slower (Chromium's CPU throttling), to find waits that
  // race the page on a loaded machine (CI shares 2 cores) without loading the machine
  const slow = Number(process.env.TX_CPU_THROTTLE || 0);
  if (slow > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slow });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  return page;
}

// Wait until window.explorer.state() satisfies pred (default: ready or error).
export async function waitState(page, pred = 's => s.ready || s.error', timeout = 30000) {
  // Polled from node: a string predicate evaluated in the page would need eval, which the strict
  // CSP test forbids. page.evaluate of a function is not subject to the page's CSP.
  const test = typeof pred === 'function' ? pred : new Function('s', `return (${pred})(s);`);
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = await page.evaluate(() => { try { return window.explorer.state(); } catch (e) { return null; } });
    if (s && test(s)) return s;
    if (Date.now() > deadline) throw new Error(`waitState: timed out after ${timeout} ms waiting for ${pred}; last state ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

// Call async `fn` every 50 ms until it returns something truthy or `timeout` ms passed. @return its
// last value (for a following assert that says what went wrong).
export async function until(fn, timeout = 20000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const v = await fn();
    if (v) return v;
  }
  return fn();
}

// Wait until the state satisfies pred as waitState does, but @return the last state instead of
// throwing when it never does: for a wait followed by an assert that says what went wrong. The
// default timeout is long because it only runs out on a failure; a passing wait ends at once.
export async function settle(page, pred, timeout = 20000) {
  return waitState(page, pred, timeout).catch(() => page.evaluate(() => window.explorer.state()));
}

// Open a page and wait until the explorer is ready without a load error (and a few frames settled).
export async function openReady(browser, url, opts) {
  const page = await openPage(browser, url, opts);
  const s = await waitState(page);
  assertEq(s.error, null, 'no load error');
  await page.waitForTimeout(200);
  return page;
}

// Decode a PNG screenshot in the page. @return { data (RGBA bytes of `region`, row by row), w, h,
// width, height (of the whole image) }; region null = the whole image.
export async function regionPixels(page, png, region = null) {
  const r = await page.evaluate(async ({ b64, region }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const r = region || { x: 0, y: 0, w: img.width, h: img.height };
    const d = g.getImageData(r.x, r.y, r.w, r.h).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
    return { b64: btoa(bin), w: r.w, h: r.h, width: img.width, height: img.height };
  }, { b64: png.toString('base64'), region });
  return { data: new Uint8Array(Buffer.from(r.b64, 'base64')), w: r.w, h: r.h, width: r.width, height: r.height };
}

// Decode a PNG screenshot in the page and return { distinctColours, darkPixels, inkPixels,
// brightness (mean, 0-255), commonest (the most common colour, "#rrggbb"), width, height, rowTones }
// of a region; rowTones: per pixel row [full-ink pixels (grey level < 90), half-tone (90-214)].
export async function pixelStats(page, png, region = null) {
  const { data: d, w, h, width, height } = await regionPixels(page, png, region);
  const counts = new Map();
  const rowTones = Array.from({ length: h }, () => [0, 0]);
  let dark = 0, sum = 0;
  for (let i = 0; i < d.length; i += 4) {
    const c = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
    const l = d[i] + d[i + 1] + d[i + 2];
    if (l < 200) dark++;
    if (l < 270) rowTones[(i >> 2) / w | 0][0]++; else if (l < 645) rowTones[(i >> 2) / w | 0][1]++;
    sum += l;
  }
  // ink: pixels clearly different from the most common (background) colour
  let bg = 0, bgN = -1;
  for (const [c, n] of counts) if (n > bgN) { bg = c; bgN = n; }
  const br = bg >> 16, bgg = (bg >> 8) & 255, bb = bg & 255;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4)
    if (Math.abs(d[i] - br) + Math.abs(d[i + 1] - bgg) + Math.abs(d[i + 2] - bb) > 90) ink++;
  return { distinctColours: counts.size, darkPixels: dark, inkPixels: ink, brightness: sum / (d.length / 4) / 3,
           commonest: '#' + bg.toString(16).padStart(6, '0'), width, height, rowTones };
}

export function saveShot(name, png) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name + '.png');
  fs.writeFileSync(file, png);
  return file;
}

export function assert(cond, msg) { if (!cond) throw new Error('assertion failed: ' + msg); }
export function assertEq(a, b, msg) { if (a !== b) throw new Error(`assertion failed: ${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`); }

// An init script (openPage's `init`) that keeps window.__tx.firstDrawnState: the explorer's state
// in the first animation frame that drew anything (the font atlas it was drawn with, ...).
export const FIRST_DRAWN_INIT = `(() => {
  window.__tx = Object.assign(window.__tx || {}, { firstDrawnState: null });
  let drew = false;
  const P = WebGL2RenderingContext.prototype, draw = P.drawElements;
  P.drawElements = function (...a) { drew = true; return draw.apply(this, a); };
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) {
    return raf.call(window, (t) => {
      cb(t);
      if (drew && !window.__tx.firstDrawnState) {
        const el = document.getElementById('explorer');
        window.__tx.firstDrawnState = el && el.transcriptExplorer ? el.transcriptExplorer.state() : { none: true };
      }
    });
  };
})();`;

// Run the native CLI (build/transcript) and parse its JSON output.
import { execFileSync } from 'node:child_process';
export function cli(args) {
  return JSON.parse(execFileSync(path.join(ROOT, 'build/transcript'), args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

export const DEMO_TXT = path.join(ROOT, 'assets/lex-fridman-383-mark-zuckerberg.txt');

// Type into the focused search box like a user.
export async function typeQuery(page, q) {
  await waitState(page, 's => s.typing');  // the search box has keyboard focus
  await page.waitForTimeout(250);          // and a few frames have settled the layout
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(q, { delay: 15 });
  await waitState(page, `s => s.query === ${JSON.stringify(q)}`);
  await page.waitForTimeout(150);
  return page.evaluate(() => window.explorer.state());
}

// Press `k` and read the state once the explorer has drawn two frames since (at least 150 ms): a
// fixed wait alone read the state before the key's frame on a loaded machine. A key the explorer
// gets always draws frames; one that leaves it (Tab out of an embed) may draw none: 10 s then.
export async function pressKey(page, k) {
  const state = () => page.evaluate(() => window.explorer.state());
  const f0 = (await state()).frames;
  await page.keyboard.press(k);
  await page.waitForTimeout(150);
  await page.waitForFunction((f) => window.explorer.state().frames >= f + 2, f0, { timeout: 10000 }).catch(() => {});
  return state();
}

// Press Tab (or `key`, e.g. 'Shift+Tab') until the explorer's keyboard focus is on part `target`
// (state().focus: 'tabs', 'list', ...), at most `max` presses. @return the state there; throws
// naming the parts walked when it never got there.
export async function tabTo(page, target, { key = 'Tab', max = 12 } = {}) {
  const walked = [];
  for (let i = 0; i < max; i++) {
    const s = await pressKey(page, key);
    walked.push(s.focus);
    if (s.focus === target) return s;
  }
  throw new Error(`tabTo: ${key} x${max} never reached '${target}': walked ${walked.join(' ')}`);
}

// A host page `html` (served as `name` next to the site's files) with one explorer in #ex, ready,
// and window.explorer set to its handle.
export async function openHost(browser, site, name, html) {
  const page = await openPage(browser, site.url + 'embed.html', { routes: [['**/' + name, (r) => r.fulfill({ contentType: 'text/html', body: html })]] });
  await page.goto(site.url + name);
  await page.waitForFunction(() => { const e = document.getElementById('ex'); return e.transcriptExplorer && e.transcriptExplorer.state().ready; }, null, { timeout: 30000 });
  await page.evaluate(() => { window.explorer = document.getElementById('ex').transcriptExplorer; });
  await page.waitForTimeout(300);
  return page;
}

// Sets query `q` through the page's API, waits until the explorer has answered it and @return each
// episode's hit count, in order (archive and dropped-files tests).
export async function episodeHitsFor(page, q) {
  await page.evaluate((query) => window.explorer.setQuery(query), q);
  await waitState(page, `s => s.query === ${JSON.stringify(q)}`);
  return page.evaluate(() => window.explorer.episodes().map((e) => e.hits));
}

// Writes `files` ({name: text}) to a fresh temporary folder, opens the explorer's index.html and
// drops them on its canvas as an OS drag does, then waits until they are the page's episodes and
// asserts that no file was listed as an error. @return { page, dir } (dir: the written files).
export async function dropTextFiles(browser, site, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-drop-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const page = await openPage(browser, site.url + 'index.html');
  await waitState(page, 's => s.ready');
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, text] of list) dt.items.add(new File([text], name));
    const target = document.querySelector('canvas');
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, Object.entries(files));
  await waitState(page, `s => s.ready && s.episodes === ${Object.keys(files).length}`);
  const errors = await page.evaluate(() => Array.from(document.querySelectorAll('.tx-open-errors li')).map((li) => li.textContent));
  assertEq(errors.length, 0, 'no errors listed: ' + errors.join(' | '));
  return { page, dir };
}
