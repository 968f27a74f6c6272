// Findings of the UX audit, each pinned by a test: the loading screen before the WASM draws, the
// blog embed restoring the host page's hash, opaque tooltips, timeline drag vs click, touch taps
// (no stuck tooltip, results open the reader on a phone), ellipsis for cut text, singular counts,
// the speaker-label note, and the text size keys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, openReady, waitState, settle, pixelStats, saveShot, assert, assertEq, typeQuery } from './harness.mjs';

const SITE = path.join(ROOT, 'dist/site');
const OFFLINE = path.join(ROOT, 'dist/offline/lex-fridman-383-mark-zuckerberg.html');

const ready = openReady;
const state = (page) => page.evaluate(() => window.explorer.state());
// Canvas offset in the page (the "Open transcripts" bar sits above it in app mode).
const canvasAt = (page) => page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });

async function phone(browser, url, touch = true) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: touch, hasTouch: touch });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  const s = await waitState(page);
  assertEq(s.error, null, 'no load error');
  await page.waitForTimeout(300);
  return page;
}

export const tests = [
  {
    name: 'the "Open transcripts" bar offers dropping files only where a mouse or trackpad can drag them: on a touch-only phone its hint leaves "drop files" out, on a desktop it keeps it (protects an honest hint on phones)',
    fn: async ({ browser, site }) => {
      const hintOf = (page) => page.evaluate(() => document.querySelector('.tx-open-bar').textContent);
      const desk = await phone(browser, site.url, false);
      const deskHint = await hintOf(desk);
      assert(/drop files/.test(deskHint), `desktop hint offers dropping: ${deskHint}`);
      await desk.context().close();
      const touch = await phone(browser, site.url, true);
      const touchHint = await hintOf(touch);
      assert(!/drop/.test(touchHint), `touch-only phone hint has no drop: ${touchHint}`);
      assert(/nothing is uploaded/.test(touchHint) && /Open transcripts/.test(touchHint), `the rest of the bar stays: ${touchHint}`);
      saveShot('ux-phone-open-bar', await touch.screenshot());
      await touch.context().close();
    },
  },
  {
    name: 'while explorer.wasm and the bundle download slowly, the page shows a loading screen in the reader\'s colour scheme with the bytes received, not a black canvas (protects the pre-WASM loading state)',
    fn: async ({ browser, site }) => {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, colorScheme: scheme });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 300 * 1024, uploadThroughput: 100 * 1024 });
        page.goto(site.url).catch(() => {});
        await page.waitForSelector('.tx-loading', { timeout: 15000 });
        const read = () => page.evaluate(() => {
          const e = document.querySelector('.tx-loading');
          return e && { done: Number(e.getAttribute('data-done') || 0), total: Number(e.getAttribute('data-total') || 0),
            text: e.textContent, bg: getComputedStyle(e).backgroundColor };
        });
        await page.waitForFunction(() => { const e = document.querySelector('.tx-loading'); return e && Number(e.getAttribute('data-done')) > 100000; }, null, { timeout: 20000, polling: 50 });
        const a = await read();
        const png = await page.screenshot();
        saveShot('ux-loading-' + scheme, png);
        await page.waitForTimeout(700);
        const b = await read();
        assert(a && /Loading Transcript Explorer/.test(a.text), 'the loading screen names the explorer: ' + JSON.stringify(a));
        assert(a.total > 500000, 'the total of explorer.wasm and the bundle is known from Content-Length: ' + JSON.stringify(a));
        assert(/\d+ (KB|MB) of \d/.test(a.text) && /%/.test(a.text), 'bytes received of the total are shown: ' + a.text);
        assert(!b || b.done > a.done, `the count grows as bytes arrive (${a.done} -> ${b && b.done})`);
        const lum = (await pixelStats(page, png, { x: 100, y: 100, w: 800, h: 500 })).brightness;
        if (scheme === 'light') assert(lum > 200, `light scheme: a light loading screen, not a black canvas (brightness ${lum.toFixed(0)})`);
        else assert(lum > 15 && lum < 70, `dark scheme: the explorer's dark background (brightness ${lum.toFixed(0)})`);
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        const s = await waitState(page, (st) => st.ready || st.error, 30000);
        assertEq(s.error, null, 'no load error');
        await page.waitForFunction(() => !document.querySelector('.tx-loading'), null, { timeout: 10000 });
        assertEq(errors.length, 0, 'no page errors: ' + errors.join(' | '));
        await context.close();
      }
      // the offline single file (everything inline, from file://): the screen goes once it draws
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(OFFLINE).href);
      const s = await waitState(page, (st) => st.ready || st.error, 30000);
      assertEq(s.error, null, 'the offline file loads');
      await page.waitForFunction(() => !document.querySelector('.tx-loading'), null, { timeout: 10000 });
      await context.close();
    },
  },
  {
    name: 'a blog embed restores q, ep and t from the host page\'s hash (first embed only) and never rewrites the host\'s hash (protects "Copy quote" links into a post)',
    fn: async ({ browser }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-ux-'));
      fs.symlinkSync(SITE, path.join(dir, 'explorer'));
      const bundle = fs.readdirSync(SITE).find((n) => /^demo\.[0-9a-f]+\.txb$/.test(n));
      fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>
<body><h1 id="top">A post</h1>
<div id="e1" data-transcript-explorer data-bundle="explorer/${bundle}" style="height:420px"></div>
<div id="e2" data-transcript-explorer data-bundle="explorer/${bundle}" style="height:420px"></div>
<script src="explorer/explorer-loader.js" defer></script></body></html>`);
      const srv = await serve(dir, '/');
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      const page = await context.newPage();
      await page.goto(srv.url + 'post.html#ep=0&t=1282&ref=newsletter');
      const e1 = () => page.evaluate(() => document.getElementById('e1').transcriptExplorer && document.getElementById('e1').transcriptExplorer.state());
      const e2 = () => page.evaluate(() => document.getElementById('e2').transcriptExplorer && document.getElementById('e2').transcriptExplorer.state());
      await page.waitForFunction(() => ['e1', 'e2'].every((id) => { const h = document.getElementById(id).transcriptExplorer; return h && h.state().ready; }), null, { timeout: 30000 });
      await page.waitForTimeout(300);
      const s1 = await e1(), s2 = await e2();
      assert(Math.abs(s1.timeMs - 1282000) < 60000, 'the first embed opened near 21:22 from the hash: ' + s1.timeMs);
      assert(s2.timeMs < 30000, 'the second embed stays at the start: ' + s2.timeMs);
      // a change of the hash in the page (a link in the post) moves the first embed
      await page.evaluate(() => { location.hash = 'q=llama&ref=x'; });
      await page.waitForFunction(() => document.getElementById('e1').transcriptExplorer.state().query === 'llama', null, { timeout: 5000 });
      // using the embeds leaves the host's hash alone
      await page.evaluate(() => { document.getElementById('e1').transcriptExplorer.setQuery('metaverse'); document.getElementById('e1').transcriptExplorer.seek({ episode: 0, timeMs: 60000 }); });
      await page.waitForTimeout(400);
      assertEq(await page.evaluate(() => location.hash), '#q=llama&ref=x', 'the host page\'s hash is untouched');
      assertEq((await e2()).query, '', 'the second embed ignored the hash');
      // an unrelated hash (#top) changes nothing
      await page.evaluate(() => { location.hash = 'top'; });
      await page.waitForTimeout(300);
      assertEq((await e1()).query, 'metaverse', 'an anchor without explorer keys leaves the embed as it was');
      saveShot('ux-embed-hash', await page.screenshot());
      await context.close();
      srv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'tooltips are opaque in both themes (the timeline tooltip over the reader) (protects readable tooltips)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      for (const dark of [false, true]) {
        await page.evaluate((d) => window.explorer.setDark(d), dark);
        await page.waitForTimeout(200);
        const s = await state(page);
        assertEq(s.popupAlpha, 1, `tooltip background alpha (${dark ? 'dark' : 'light'})`);
        const c = await canvasAt(page);
        const [x, y, w, h] = s.timeline;
        await page.mouse.move(c.x + x + w * 0.4, c.y + y + h * 0.3);
        const t = await settle(page, 's => s.tooltip');
        assert(t.tooltip, 'the timeline\'s tooltip is shown');
        saveShot('ux-tooltip-' + (dark ? 'dark' : 'light'), await page.screenshot());
        await page.mouse.move(5, 790);
        await page.waitForTimeout(200);
      }
      await page.context().close();
    },
  },
  {
    name: 'dragging the zoomed timeline pans it without seeking; a click still seeks (protects timeline pan vs click)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 0 }));
      await page.waitForTimeout(300);
      const s0 = await state(page);
      const c = await canvasAt(page);
      const [x, y, w, h] = s0.timeline;
      const cx = c.x + x + w * 0.5, cy = c.y + y + h * 0.3;
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(60); }  // zoom in
      await page.waitForTimeout(200);
      const before = (await state(page)).timeMs;
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) { await page.mouse.move(cx - i * 20, cy); await page.waitForTimeout(30); }
      await page.mouse.up();
      await page.waitForTimeout(400);
      const after = await state(page);
      assert(Math.abs(after.timeMs - before) < 5000, `the drag did not move the reader (${before} -> ${after.timeMs})`);
      saveShot('ux-timeline-pan', await page.screenshot());
      // a click (no movement) seeks
      await page.mouse.click(cx + w * 0.3, cy);
      const moved = await waitState(page, `st => Math.abs(st.timeMs - ${before}) > 10000`, 5000).catch(() => null);
      assert(moved, 'a click on the timeline still seeks');
      await page.context().close();
    },
  },
  {
    name: 'on a touch phone a flick over the transcript lets it coast on after the finger lifts and slow to a stop, a touch stops the coast, and a drag that rests before lifting does not coast (protects reading a long transcript on a phone without dragging line by line)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url);
      const cdp = await page.context().newCDPSession(page);
      let s = await state(page);
      assertEq(s.narrowTab, 'Transcript', 'the transcript tab is shown');
      const c = await canvasAt(page);
      const [, ty, , th] = s.tabs.Transcript;
      const x = c.x + 195, yLow = c.y + 780;
      assert(yLow - 360 > c.y + ty + th + 40, 'the drag stays over the transcript');
      const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] });
      // The finger moves up in 3 moves of 120 px, 16 ms apart, and lifts right after the last one
      // (or rests `hold` ms first). The touches are made in the page: with software GL a drawn
      // frame takes 100-200 ms here, and touches sent from outside arrive a frame apart each, so
      // the lift would come a frame after the last move, as a resting finger's does.
      const drag = (hold) => page.evaluate(async ([x, y0, hold]) => {
        const canvas = window.explorer.canvas;
        const send = (type, y) => {
          const t = new Touch({ identifier: 7, target: canvas, clientX: x, clientY: y, pageX: x, pageY: y + window.scrollY, screenX: x, screenY: y });
          const on = type === 'touchend' ? [] : [t];
          canvas.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: on, targetTouches: on, changedTouches: [t] }));
        };
        const wait = (ms) => new Promise((r) => setTimeout(r, ms));
        send('touchstart', y0);
        for (let i = 1; i <= 3; ++i) { await wait(16); send('touchmove', y0 - 120 * i); }
        if (hold) await wait(hold);
        send('touchend', y0 - 360);
      }, [x, yLow, hold]);
      const word = async () => (await state(page)).word;
      const w0 = await word();
      await drag(0);
      await page.waitForTimeout(50);
      const wLift = await word();
      await page.waitForTimeout(1500);
      const wRest = await word();
      assert(wLift > w0, `the drag scrolled the transcript (${w0} -> ${wLift})`);
      assert(wRest > wLift + 20, `the transcript coasted on after the finger lifted (word ${wLift} -> ${wRest})`);
      let prev = wRest, now = -1;
      for (let i = 0; i < 8 && now !== prev; ++i) { await page.waitForTimeout(600); [prev, now] = [now === -1 ? prev : now, await word()]; }
      assertEq(now, prev, 'the coast came to a stop');
      // a finger put down while it coasts stops it
      await drag(0);
      await page.waitForTimeout(60);
      await touch('touchStart', yLow);
      await page.waitForTimeout(400);  // a drawn frame or two (slow with software GL) takes the touch in
      const wTouched = await word();
      await page.waitForTimeout(500);
      assertEq(await word(), wTouched, 'a touch stopped the coast');
      // lift it after a short drag and a rest (no tap: a tap would move the reader's position)
      await touch('touchMove', yLow - 40);
      await page.waitForTimeout(800);
      await touch('touchEnd');
      // the same drag from the start, resting 800 ms before the finger lifts: no coast
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 0 }));
      await waitState(page, 'st => st.word < 20', 5000);
      await page.waitForTimeout(300);
      const w1 = await word();
      await drag(800);
      await page.waitForTimeout(100);
      const w2 = await word();
      await page.waitForTimeout(800);
      assert(w2 > w1, `the resting drag scrolled the transcript (${w1} -> ${w2})`);
      assertEq(await word(), w2, 'a finger that rested before lifting does not coast');
      saveShot('ux-phone-flick', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'on a touch phone a finger on the transcript selects nothing: lifting it after a drag leaves the reader where the drag put it, a finger resting at the pane\'s bottom edge does not scroll it, and a tap still moves the reader there (protects touch reading from mouse text selection)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url);
      const cdp = await page.context().newCDPSession(page);
      const c = await canvasAt(page);
      const vh = await page.evaluate(() => window.innerHeight);
      const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] });
      const word = async () => (await state(page)).word;
      // a slow drag up by 200 px, resting before the finger lifts
      const x = c.x + 200;
      await touch('touchStart', x, c.y + 700);
      for (let i = 1; i <= 8; ++i) { await touch('touchMove', x, c.y + 700 - 25 * i); await page.waitForTimeout(30); }
      await page.waitForTimeout(400);
      const held = await word();
      await touch('touchEnd');
      await page.waitForTimeout(500);
      assert(held > 0, `the drag scrolled the transcript (word ${held})`);
      assertEq(await word(), held, 'lifting the finger after a drag keeps the reader where the drag left it');
      // a finger resting on the last line of the pane, for a second
      await touch('touchStart', x, vh - 4);
      await page.waitForTimeout(1000);
      const bottom = await word();
      await touch('touchEnd');
      await page.waitForTimeout(400);
      assertEq(bottom, held, 'a finger resting at the bottom edge does not scroll the transcript');
      // a tap on a line in the middle of the screen moves the reader's position to a word there
      await page.touchscreen.tap(x, c.y + 650);
      await page.waitForTimeout(500);
      assert((await word()) > held, `the tap moved the reader's position down the screen (${held} -> ${await word()})`);
      saveShot('ux-phone-touch-reader', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'on a touch phone a tap on the timeline leaves no tooltip, the next tap on a tab works, a tapped result opens the transcript at it, and tooltips fit the screen (protects touch use)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url);
      await page.evaluate(() => window.explorer.setQuery('llama'));
      await page.waitForTimeout(300);
      let s = await state(page);
      const c = await canvasAt(page);
      const [x, y, w, h] = s.timeline;
      await page.touchscreen.tap(c.x + x + w * 0.9, c.y + y + h * 0.3);
      await page.waitForTimeout(400);
      s = await state(page);
      assertEq(s.tooltip, null, 'no tooltip stays up after the tap');
      saveShot('ux-phone-tap-timeline', await page.screenshot());
      assertEq(s.narrowTab, 'Transcript', 'the transcript tab is shown');
      const [tx, ty, tw, th] = s.tabs.Results;
      await page.touchscreen.tap(c.x + tx + tw / 2, c.y + ty + th / 2);
      s = await waitState(page, 'st => st.narrowTab === "Results"', 3000).catch(() => state(page));
      assertEq(s.narrowTab, 'Results', 'the first tap after the timeline opened the Results tab');
      saveShot('ux-phone-results', await page.screenshot());
      await page.touchscreen.tap(c.x + 195, c.y + ty + th + 70);  // the first result's text
      s = await waitState(page, 'st => st.narrowTab === "Transcript"', 3000).catch(() => state(page));
      assertEq(s.narrowTab, 'Transcript', 'tapping a result shows the transcript');
      assert(s.selected >= 0, 'a result was selected');
      await page.waitForTimeout(500);
      saveShot('ux-phone-result-opened', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      // a mouse on a phone-sized window: the timeline's tooltip stays inside the screen
      const p2 = await phone(browser, site.url, false);
      const s2 = await state(p2);
      const c2 = await canvasAt(p2);
      const [x2, y2, w2, h2] = s2.timeline;
      await p2.mouse.move(c2.x + x2 + w2 * 0.95, c2.y + y2 + h2 * 0.3);
      await p2.waitForTimeout(400);
      const t = (await state(p2)).tooltip;
      assert(t, 'hovering the timeline shows its tooltip');
      assert(t[0] >= 0 && t[0] + t[2] <= 390, 'the tooltip fits in the 390 px screen: ' + JSON.stringify(t));
      saveShot('ux-phone-tooltip', await p2.screenshot());
      await p2.context().close();
    },
  },
  {
    name: 'a title or topic name too long for its place is cut with an ellipsis (protects clipped text)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url);
      const s = await state(page);
      assert(s.ellipsized.some((t) => t.startsWith('Mark Zuckerberg')), 'the phone title is cut with an ellipsis: ' + JSON.stringify(s.ellipsized));
      saveShot('ux-phone-title', await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 160 } }));
      await page.context().close();
      const p2 = await ready(browser, site.url, { width: 900, height: 700 });
      const c = await canvasAt(p2);
      const [tx, ty, tw, th] = (await state(p2)).tabs.Topics;
      await p2.mouse.click(c.x + tx + tw / 2, c.y + ty + th / 2);
      await p2.waitForTimeout(300);
      const s2 = await state(p2);
      assert(s2.ellipsized.length > 0, 'long topic names are cut with an ellipsis in a narrow Topics column');
      saveShot('ux-topics-ellipsis', await p2.screenshot());
      await p2.context().close();
    },
  },
  {
    name: 'a bad link\'s warning is shown whole, wrapped under the title, at a desktop width and on a phone, not cut with an ellipsis that only a mouse hover could open (protects the "try 90, 1:30 or 1m30s" advice of a broken deep link)',
    fn: async ({ browser, site }) => {
      const hash = '#ep=7&t=half-past-nine';
      const red = (page, png) => page.evaluate(async (b64) => {  // pixels in the warning colour
        const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
        const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 140 && d[i + 1] < 110 && d[i + 2] < 110) n++;
        return n;
      }, png.toString('base64'));
      for (const [name, page] of [['desktop', await ready(browser, site.url + hash, { width: 1000, height: 700 })],
                                  ['phone', await phone(browser, site.url + hash)]]) {
        await page.waitForTimeout(300);
        const s = await state(page);
        assert(/^Link: no episode ep=7 here \(only ep=0\); t="half-past-nine" is not a time \(try 90, 1:30 or 1m30s\)$/.test(s.status), name + ': the warning: ' + s.status);
        assertEq(s.ellipsized.filter((t) => t.startsWith('Link:')).length, 0, name + ': the warning is not cut: ' + JSON.stringify(s.ellipsized));
        const png = await page.screenshot();
        saveShot('ux-link-warning-' + name, png);
        assert(await red(page, png) > 400, name + ': the warning is drawn in its colour');
        await page.context().close();
      }
    },
  },
  {
    name: 'one match in one passage reads "1 match · 1 passage", and speaker: on a transcript without speakers says it has no speaker labels (protects the status wording)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      const s = await typeQuery(page, 'wrestling');
      assertEq(s.totalHits, 1, 'one hit for wrestling in the demo');
      assertEq(s.status, '1 match \u00b7 1 passage', 'singular status');
      saveShot('ux-one-hit', await page.screenshot());
      const sp = await typeQuery(page, 'speaker:lex llama');
      assert(/This transcript has no speaker labels/.test(sp.status), 'the status says why nothing matches: ' + sp.status);
      saveShot('ux-speaker-note', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'two quick Ctrl+= presses both enlarge the text and Ctrl+0 resets it (protects the text size keys)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      await page.evaluate(() => window.explorer.canvas.focus());
      await page.keyboard.press('Escape');
      // both presses inside one frame's events (a fast double tap of the key)
      await page.keyboard.down('Control');
      await page.evaluate(() => {
        const c = window.explorer.canvas;
        for (const type of ['keydown', 'keyup', 'keydown', 'keyup'])
          c.dispatchEvent(new KeyboardEvent(type, { key: '=', code: 'Equal', ctrlKey: true, bubbles: true, cancelable: true }));
      });
      await page.keyboard.up('Control');
      await page.waitForTimeout(400);
      const s = await state(page);
      assert(Math.abs(s.fontScale - 1.2) < 0.01, 'both presses counted: ' + s.fontScale);
      await page.keyboard.press('Control+Digit0');
      await page.waitForTimeout(300);
      assert(Math.abs((await state(page)).fontScale - 1) < 0.01, 'Ctrl+0 resets the text size');
      await page.context().close();
    },
  },
  {
    name: 'arrow keys: down from the search box goes to the results and keeps the query, up from the first result returns, up/down walk the history back to the draft (protects keyboard use)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      await typeQuery(page, 'metaverse');
      await page.keyboard.press('Enter');  // commits "metaverse" to the history
      await page.waitForTimeout(200);
      let s = await typeQuery(page, 'llama');
      assert(s.results > 1, 'llama has results');
      // the down arrow used to walk the history "forward" past its end and empty the box
      await page.keyboard.press('ArrowDown');
      s = await waitState(page, 'st => st.selected === 0', 3000).catch(() => state(page));
      assertEq(s.query, 'llama', 'the query is kept');
      assertEq(s.selected, 0, 'the first result is selected');
      await page.keyboard.press('ArrowDown');
      s = await waitState(page, 'st => st.selected === 1', 3000).catch(() => state(page));
      assertEq(s.selected, 1, 'the results list takes the arrow keys');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');  // from the first result back into the box
      await page.waitForTimeout(200);
      await page.keyboard.type('s');
      s = await waitState(page, 'st => st.query === "llamas"', 3000).catch(() => state(page));
      assertEq(s.query, 'llamas', 'typing goes to the search box again');
      // history: up walks back to the earlier query, down past the newest brings the draft back.
      // A query that stays 1.5 s also enters the history, so on a slow machine "llama" (or the
      // draft itself) may sit between: walk at most three steps each way.
      const walk = async (key, want) => {
        const seen = [];
        for (let i = 0; i < 3; ++i) {
          const before = (await state(page)).query;
          await page.keyboard.press(key);
          s = await waitState(page, `st => st.query !== ${JSON.stringify(before)}`, 2000).catch(() => state(page));
          seen.push(s.query);
          if (s.query === want) break;
        }
        return seen;
      };
      let seen = await walk('ArrowUp', 'metaverse');
      assertEq(s.query, 'metaverse', `up recalls the earlier query (saw ${seen.join(' → ')})`);
      assert(seen.every((q) => ['llama', 'llamas', 'metaverse'].includes(q)), `up showed only queries typed before: ${seen}`);
      seen = await walk('ArrowDown', 'llamas');
      assertEq(s.query, 'llamas', `down past the newest restores what was being typed (saw ${seen.join(' → ')})`);
      await page.context().close();
    },
  },
  {
    name: 'on a phone the first keystroke does not push the panes down a row, and the syntax help shows over the focused empty box (protects a stable layout and discoverable syntax)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url, false);
      let s = await state(page);
      const before = s.tabs.Results[1];
      const c = await canvasAt(page);
      const [bx, by, bw, bh] = s.searchBox;
      await page.mouse.move(c.x + bx + bw / 2, c.y + by + bh / 2);
      await page.waitForTimeout(300);
      s = await state(page);
      assert(s.tooltip, 'the syntax help shows while the box is focused and empty');
      await page.mouse.move(c.x + 10, c.y + 700);
      s = await typeQuery(page, 'llama');
      assert(/match/.test(s.status), 'the status is shown: ' + s.status);
      s = await state(page);
      assertEq(s.tabs.Results[1], before, 'the tab row stays where it was');
      saveShot('ux-phone-typing-stable', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'the timeline\'s time labels end inside the strip at every width: the tick near a long episode\'s end drops its label instead of showing a clipped "≈" or "1:20" (protects clipped axis labels)',
    fn: async ({ browser, site }) => {
      // the demo is 3:00:41 long: a tick at 3:00:00 sits within a label's width of the strip's end
      for (const [width, height] of [[1280, 800], [1920, 1080], [800, 600], [390, 844]]) {
        const page = await ready(browser, site.url, { width, height });
        const s = await state(page);
        const [x, , w] = s.timeline;
        assert(s.axisLabels.length >= 3, `${width} px: the axis has labels: ${JSON.stringify(s.axisLabels)}`);
        const out = s.axisLabels.filter(([, r]) => r[0] + r[2] > x + w + 0.5);
        assertEq(out.length, 0, `${width} px: no label runs past the strip's right edge (${x + w}): ${JSON.stringify(out)}`);
        if (width === 800) saveShot('ux-axis-labels-800', await page.screenshot({ clip: { x: 0, y: 100, width: 800, height: 100 } }));
        await page.context().close();
      }
    },
  },
  {
    name: 'the empty search box shows its examples only where they fit: a phone\'s box says "Search the transcript" instead of cutting "(e.g. llama" mid-word; a desktop keeps the examples (protects the search box hint)',
    fn: async ({ browser, site }) => {
      const page = await phone(browser, site.url, false);
      let s = await state(page);
      assertEq(s.query, '', 'the box is empty');
      assertEq(s.searchHint, 'Search the transcript', 'the phone\'s hint leaves the examples out');
      saveShot('ux-phone-search-hint', await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 120 } }));
      await page.context().close();
      const desk = await ready(browser, site.url, { width: 1280, height: 800 });
      s = await state(desk);
      assert(/^Search the transcript {2}\(e\.g\. /.test(s.searchHint), 'the desktop hint keeps its examples: ' + s.searchHint);
      await desk.context().close();
    },
  },
  {
    name: 'a query typed past the 1,024-byte limit is refused with "The query is too long" as a deep link\'s is, not cut at 1,023 bytes mid-word and searched (protects over-long typed or pasted queries)',
    fn: async ({ browser, site }) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      const page = await context.newPage();
      await page.goto(site.url);
      await waitState(page);
      await typeQuery(page, 'x');
      await page.keyboard.press('Backspace');
      // the first 1,008 bytes pasted (typing them took minutes with software GL), the rest typed
      const head = 'metaverse llama '.repeat(63), tail = 'metaverse llama '.repeat(6).trim();  // 1,008 + 95 bytes
      await page.evaluate((t) => navigator.clipboard.writeText(t), head);
      await page.keyboard.press('Control+V');
      await waitState(page, (s) => s.query.length === head.length, 5000);
      await page.keyboard.type(tail, { delay: 0 });
      await waitState(page, (s) => s.query.length >= 1023, 60000);
      await page.waitForTimeout(300);
      const t = await state(page);
      assertEq(t.query.length, head.length + tail.length, 'the box kept every typed character');
      assert(/too long/.test(t.status) && t.totalHits === 0, 'the status says the query is too long: ' + t.status);
      saveShot('ux-long-query', await page.screenshot({ clip: { x: 0, y: 40, width: 1280, height: 60 } }));
      await context.close();
    },
  },
  {
    name: 'Ctrl+V pastes the clipboard into the search box (lines joined by spaces) and Ctrl+C in the box copies its selection to the clipboard (protects pasting a query: SDL kept the key, so nothing was pasted, and the box\'s copies never left it)',
    fn: async ({ browser, site }) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      await page.goto(site.url);
      await waitState(page);
      await typeQuery(page, 'x');
      await page.keyboard.press('Backspace');
      await page.evaluate(() => navigator.clipboard.writeText('open\nsource'));
      await page.keyboard.press('Control+V');
      let s = await waitState(page, (s) => s.query !== '', 5000).catch(() => state(page));
      assertEq(s.query, 'open source', 'the pasted lines are the query, joined by a space');
      assert(s.totalHits > 0, 'and it was searched: ' + s.status);
      s = await typeQuery(page, 'metaverse');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      await page.waitForTimeout(300);
      assertEq(await page.evaluate(() => navigator.clipboard.readText()), 'metaverse', 'Ctrl+C in the box copied its selection');
      // the selection (still the whole query) is replaced by what is pasted
      await page.evaluate(() => navigator.clipboard.writeText('llama'));
      await page.keyboard.press('Control+V');
      s = await waitState(page, (s) => s.query !== 'metaverse', 5000).catch(() => state(page));
      assertEq(s.query, 'llama', 'the paste replaced the selected query');
      // more than the box holds: what fits is pasted, and the query is refused as too long
      await page.keyboard.press('Control+A');
      await page.evaluate(() => navigator.clipboard.writeText('zuckerberg '.repeat(500)));
      await page.keyboard.press('Control+V');
      s = await waitState(page, (s) => s.query.length > 1024, 5000).catch(() => state(page));
      assert(s.query.length > 1024 && /too long/.test(s.status), `a 5,500-byte paste says the query is too long: ${s.query.length} bytes, ${s.status}`);
      assertEq(page.errors.join(' | '), '', 'no page errors');
      await context.close();
    },
  },
];
