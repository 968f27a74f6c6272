// A blog post as a blogger and a phone reader meet it: the documented snippet in a column of the
// host's own text, beside the host's own search field; the same post on a phone, where a drag over
// the explorer must not trap the page; the iframe variant under a dark colour-scheme preference.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, openPage, waitState, pixelStats, saveShot, assert, assertEq } from './harness.mjs';

const SITE = path.join(ROOT, 'dist/site');
const E1 = 'document.getElementById("e1").transcriptExplorer';

// A post with the host's own search field, three paragraphs, the snippet (or `embed`), eight more.
function writePost(dir, embed) {
  const bundle = fs.readdirSync(SITE).find((n) => /^demo\.[0-9a-f]+\.txb$/.test(n));
  const para = '<p>' + 'The host blog\'s own prose around the explorer, a paragraph of ordinary text. '.repeat(4) + '</p>\n';
  const body = embed ? embed(bundle)
    : `<div id="e1" data-transcript-explorer data-bundle="explorer/${bundle}" data-query="llama" style="height:520px"></div>`;
  fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title>
<style>body { font: 17px/1.6 Georgia, serif; max-width: 700px; margin: 0 auto; padding: 0 16px; color: #222; }</style></head>
<body><h1>My post</h1><input id="blog-search" placeholder="Search this blog">${para.repeat(3)}${body}${para.repeat(8)}
<script src="explorer/explorer-loader.js" defer></script></body></html>`);
}

async function withPost(browser, contextOptions, embed, fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-embed-'));
  fs.symlinkSync(SITE, path.join(dir, 'explorer'));
  writePost(dir, embed);
  const srv = await serve(dir, '/');
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  try {
    await page.goto(srv.url + 'post.html');
    await fn(page, context);
    assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
  } finally {
    await context.close();
    srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(page, getter, pred, timeout = 30000) {
  try {
    await page.waitForFunction(`(() => { try { const s = (${getter}).state(); return (${pred})(s); } catch (e) { return false; } })()`,
      null, { timeout });
  } catch (e) {
    throw new Error(`timed out waiting for ${pred}; last state ${await page.evaluate(`(() => { try { return JSON.stringify((${getter}).state()); } catch (e) { return String(e); } })()`)}`);
  }
  return page.evaluate(`(${getter}).state()`);
}

// The search box of embed e1, in page coordinates of a full-page-free screenshot region.
async function searchBoxShot(page) {
  const s = await page.evaluate(`${E1}.state()`);
  const r = await page.locator('#e1 canvas').boundingBox();
  const [x, y, w, h] = s.searchBox;
  return page.screenshot({ clip: { x: r.x + x, y: r.y + y, width: w, height: h } });
}

// The number of pixels that differ between two same-sized screenshots.
async function differingPixels(page, a, b) {
  return page.evaluate(async ([a64, b64]) => {
    const load = async (b) => { const i = new Image(); i.src = 'data:image/png;base64,' + b; await i.decode(); return i; };
    const [ia, ib] = await Promise.all([load(a64), load(b64)]);
    const data = (img) => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
    const da = data(ia), db = data(ib);
    let n = 0;
    for (let i = 0; i < da.length; i += 4) if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 60) n++;
    return n;
  }, [a.toString('base64'), b.toString('base64')]);
}

// A touch drag by CDP (real touch events with the browser's own default actions).
// A drag by touch from (x, y0) to (x, y1); the finger rests `hold` ms before it lifts (a resting
// finger does not flick: the page must not coast on), and `after` ms are waited after it lifts.
async function drag(page, cdp, x, y0, y1, steps = 8, hold = 150, after = 400) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (y1 - y0) * i / steps }] });
    await page.waitForTimeout(16);
  }
  if (hold) await page.waitForTimeout(hold);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  if (after) await page.waitForTimeout(after);
}

export const tests = [
  {
    name: 'an embed in a 700 px blog column draws no caret in its search box until it has the page\'s focus, and lets go of it when the focus goes back to the blog\'s own field (protects the host page\'s fields from a look-alike focus)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 760, height: 600 } }, null, async (page) => {
      let s = await waitFor(page, E1, 's => s.ready && s.frames > 0 && s.query === "llama"');
      await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'end' }));
      await page.waitForTimeout(400);
      assertEq(await page.evaluate(() => document.activeElement === document.body), true, 'nothing took the focus on load');
      s = await page.evaluate(`${E1}.state()`);
      assertEq(s.typing, false, 'the search box has no caret while the page\'s focus is elsewhere');
      const idle = await searchBoxShot(page);
      saveShot('embed-column-unfocused', await page.screenshot());
      // the blog's own field takes the keys, and the explorer still looks unfocused
      await page.focus('#blog-search');
      await page.keyboard.type('hello');
      assertEq(await page.inputValue('#blog-search'), 'hello', 'the blog\'s field got the keys');
      assertEq((await page.evaluate(`${E1}.state()`)).query, 'llama', 'the explorer did not');
      // a click on the search box gives it the caret (drawn), typing searches
      const r = await page.locator('#e1 canvas').boundingBox();
      const [bx, by, bw, bh] = s.searchBox;
      await page.mouse.click(r.x + bx + bw - 20, r.y + by + bh / 2);
      await waitFor(page, E1, 's => s.typing');
      await page.waitForTimeout(300);
      const focused = await searchBoxShot(page);
      assert(await differingPixels(page, idle, focused) > 6, 'the caret is drawn once the box has the focus');
      await page.keyboard.type(' meta', { delay: 30 });
      await waitFor(page, E1, 's => s.query === "llama meta"');
      // back to the blog's field: the box lets go, and looks as it did before it had the focus
      await page.focus('#blog-search');
      s = await waitFor(page, E1, 's => !s.typing');
      await page.waitForTimeout(300);
      await page.keyboard.type('!');
      assertEq(await page.inputValue('#blog-search'), 'hello!', 'the blog\'s field has the keys again');
      assertEq((await page.evaluate(`${E1}.state()`)).query, 'llama meta', 'the explorer kept its query');
      await page.evaluate(`${E1}.setQuery('llama')`);
      await waitFor(page, E1, 's => s.query === "llama"');
      await page.waitForTimeout(300);
      const after = await searchBoxShot(page);
      saveShot('embed-column-after-blur', await page.screenshot());
      assertEq(await differingPixels(page, idle, after), 0, 'no caret or selection left in the box');
      assertEq(await page.evaluate(() => location.hash), '', 'the embed wrote nothing into the blog\'s address');
    }),
  },
  {
    name: 'on a 375x667 phone a vertical drag over the embed\'s timeline scrolls the blog page without seeking, a drag over the transcript scrolls the transcript, at its top a downward drag scrolls the page, and a tap still seeks (protects scrolling a post past an embed on a phone)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, null, async (page, context) => {
      await waitFor(page, E1, 's => s.ready && s.frames > 0 && s.query === "llama"');
      await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(400);
      const cdp = await context.newCDPSession(page);
      const scrollY = () => page.evaluate(() => window.scrollY);
      let s = await page.evaluate(`${E1}.state()`);
      let r = await page.locator('#e1 canvas').boundingBox();
      // the post's data-query opens the embed on its results (phone.test.mjs); a tap on the tab shows the transcript
      assertEq(s.narrowTab, 'Results', 'the embed opened on its query\'s results');
      const tab = s.tabs.Transcript;
      await page.touchscreen.tap(r.x + tab[0] + tab[2] / 2, r.y + tab[1] + tab[3] / 2);
      s = await waitFor(page, E1, 's => s.narrowTab === "Transcript"', 5000);
      assert(r.height > 0.7 * 667, 'the embed covers most of the screen: ' + r.height);
      const [tx, ty, tw, th] = s.timeline;
      assert(tw > 200 && th > 20, 'the timeline was drawn: ' + s.timeline);
      saveShot('embed-phone', await page.screenshot());
      const png = await page.screenshot();
      assert((await pixelStats(page, png, { x: 40, y: Math.round(r.y + ty + th + 80) * 2, w: 600, h: 300 })).inkPixels > 3000, 'the transcript is drawn');
      // drag up over the timeline: the page scrolls by about the drag, the reader stays at 0:00
      let y0 = await scrollY();
      await drag(page, cdp, r.x + tx + tw / 2, r.y + ty + th / 2, r.y + ty + th / 2 - 150);
      let y1 = await scrollY();
      assert(y1 - y0 > 120 && y1 - y0 < 180, `a drag over the timeline scrolled the page (${y0} -> ${y1})`);
      s = await page.evaluate(`${E1}.state()`);
      assertEq(s.timeMs, 0, 'the drag did not seek where it started');
      // drag up over the transcript (the embed back at the top of the screen): it scrolls, the page does not
      await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      y1 = await scrollY();
      r = await page.locator('#e1 canvas').boundingBox();
      const w0 = s.word;
      await drag(page, cdp, r.x + r.width * 0.6, r.y + 500, r.y + 300);
      s = await page.evaluate(`${E1}.state()`);
      assert(s.word > w0, `the transcript scrolled (${w0} -> ${s.word})`);
      assertEq(await scrollY(), y1, 'the page stayed while the transcript scrolled');
      // back at its top, a downward drag over the transcript has nothing to scroll: the page scrolls up
      await page.evaluate(`${E1}.seek({ episode: 0, timeMs: 0 })`);
      await page.waitForTimeout(300);
      r = await page.locator('#e1 canvas').boundingBox();
      await drag(page, cdp, r.x + r.width * 0.6, r.y + 300, r.y + 500);
      const y2 = await scrollY();
      assert(y1 - y2 > 170, `a downward drag at the transcript's top scrolled the page up (${y1} -> ${y2})`);
      // a tap on the timeline still seeks
      r = await page.locator('#e1 canvas').boundingBox();
      s = await page.evaluate(`${E1}.state()`);
      await page.touchscreen.tap(r.x + s.timeline[0] + s.timeline[2] * 0.75, r.y + s.timeline[1] + s.timeline[3] / 2);
      s = await waitFor(page, E1, 's => s.timeMs > 60000', 5000);
      assertEq(await scrollY(), y2, 'the tap did not scroll the page');
      // and a tap on the search box still opens the on-screen keyboard's field, which searches
      await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      r = await page.locator('#e1 canvas').boundingBox();
      const [bx, by, bw, bh] = s.searchBox;
      await page.touchscreen.tap(r.x + bx + bw / 2, r.y + by + bh / 2);
      await page.waitForTimeout(200);
      assertEq(await page.evaluate(() => document.activeElement.tagName), 'INPUT', 'a text field has the focus');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('zuckerberg', { delay: 20 });
      await waitFor(page, E1, 's => s.query === "zuckerberg" && s.totalHits > 0', 5000);
      saveShot('embed-phone-typed', await page.screenshot());
    }),
  },
  {
    name: 'on a phone a flick over the embed\'s timeline lets the blog page coast on after the finger lifts, slowing to a stop, and a touch stops the coast; a drag that rests before lifting does not coast (protects scrolling a post past an embed with the momentum the browser gives elsewhere)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, null, async (page, context) => {
      await waitFor(page, E1, 's => s.ready && s.frames > 0 && s.query === "llama"');
      const cdp = await context.newCDPSession(page);
      const scrollY = () => page.evaluate(() => window.scrollY);
      const timelineMid = async () => {
        await page.evaluate(() => document.getElementById('e1').scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(300);
        const r = await page.locator('#e1 canvas').boundingBox();
        const [tx, ty, tw, th] = (await page.evaluate(`${E1}.state()`)).timeline;
        return { x: r.x + tx + tw / 2, y: r.y + ty + th / 2 };
      };
      // a flick: 150 px up in 4 quick moves, lifted while moving
      let p = await timelineMid();
      const y0 = await scrollY();
      await drag(page, cdp, p.x, p.y, p.y - 150, 4, 0, 0);
      const yLift = await scrollY();
      await page.waitForTimeout(1500);
      const yRest = await scrollY();
      assert(yLift - y0 > 100, `the drag itself scrolled the page (${y0} -> ${yLift})`);
      assert(yRest - yLift > 60, `the page coasted on after the finger lifted (${yLift} -> ${yRest})`);
      await page.waitForTimeout(500);
      assertEq(await scrollY(), yRest, 'the coast came to a stop');
      assertEq((await page.evaluate(`${E1}.state()`)).timeMs, 0, 'the flick did not seek');
      // a touch on the blog's text while the page coasts stops it where it is
      p = await timelineMid();
      await drag(page, cdp, p.x, p.y, p.y - 150, 4, 0, 0);
      await page.waitForTimeout(60);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 10, y: 10 }] });
      const yTouched = await scrollY();
      await page.waitForTimeout(400);
      const yHeld = await scrollY();
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      assert(Math.abs(yHeld - yTouched) <= 2, `a touch stopped the coast (${yTouched} -> ${yHeld})`);
      // the same drag with the finger resting before it lifts: no coast
      p = await timelineMid();
      const y1 = await scrollY();
      await drag(page, cdp, p.x, p.y, p.y - 150, 4, 150, 0);
      const y2 = await scrollY();
      await page.waitForTimeout(800);
      assert(y2 - y1 > 100, `the resting drag scrolled the page (${y1} -> ${y2})`);
      assertEq(await scrollY(), y2, 'a finger that rested before lifting does not coast');
    }),
  },
  {
    name: 'on a phone a vertical drag over the timeline of a same-origin iframe embed scrolls the blog page around the frame, and a tap still seeks (protects the iframe variant on phones)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      (bundle) => `<iframe id="f1" src="explorer/embed.html?bundle=${bundle}&q=llama" title="Transcript explorer" style="width:100%;height:520px;border:0"></iframe>`,
      async (page, context) => {
        const getter = 'document.getElementById("f1").contentWindow.explorer';
        await waitFor(page, getter, 's => s.ready && s.frames > 0 && s.query === "llama"');
        await page.evaluate(() => document.getElementById('f1').scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(400);
        const cdp = await context.newCDPSession(page);
        const [tx, ty, tw, th] = (await page.evaluate(`${getter}.state()`)).timeline;
        let r = await page.locator('#f1').boundingBox();
        const y0 = await page.evaluate(() => window.scrollY);
        // the finger moves 150 px; the frame moves with the page, so the page must follow the
        // finger on the screen, not in the frame's own coordinates (which would halve the scroll)
        await drag(page, cdp, r.x + tx + tw / 2, r.y + ty + th / 2, r.y + ty + th / 2 - 150);
        const y1 = await page.evaluate(() => window.scrollY);
        assert(y1 - y0 > 120 && y1 - y0 < 180, `the drag scrolled the blog page by about the drag (${y0} -> ${y1})`);
        assertEq((await page.evaluate(`${getter}.state()`)).timeMs, 0, 'the drag did not seek');
        await page.evaluate(() => document.getElementById('f1').scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(300);
        r = await page.locator('#f1').boundingBox();
        await page.touchscreen.tap(r.x + tx + tw * 0.75, r.y + ty + th / 2);
        await waitFor(page, getter, 's => s.timeMs > 60000', 5000);
        saveShot('embed-iframe-phone', await page.screenshot());
      }),
  },
  {
    name: 'a blogger can open the embed at a moment: data-time / data-episode on the snippet, t / ep on the iframe (21:30, 1290 or 1h2m), a #t= on the iframe\'s own address goes over them, and a bad value is reported (protects "the part about llama, at 21:30" in a post; both were ignored and the embed opened at 0:00)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 700, height: 1400 } },
      (bundle) => `<div id="e1" data-transcript-explorer data-bundle="explorer/${bundle}" data-time="21:30" data-episode="0" style="height:480px"></div>
<div id="e2" data-transcript-explorer data-bundle="explorer/${bundle}" data-time="soon&q=x" style="height:300px"></div>
<iframe id="f1" src="explorer/embed.html?bundle=${bundle}&q=llama&t=1h2m" title="Transcript explorer" style="width:100%;height:400px;border:0"></iframe>
<iframe id="f2" src="explorer/embed.html?bundle=${bundle}&t=1290#ep=0&t=3600" title="Transcript explorer" style="width:100%;height:300px;border:0"></iframe>`,
      async (page) => {
        const near = (s, sec, what) => assert(Math.abs(s.timeMs - sec * 1000) < 30000, `${what} opened near ${sec} s: at ${s.timeMs} ms`);
        const ready = 's => s.ready && s.frames > 0';
        near(await waitFor(page, E1, ready), 1290, 'data-time="21:30"');
        const s2 = await waitFor(page, 'document.getElementById("e2").transcriptExplorer', ready);
        assert(s2.timeMs < 30000 && s2.query === '', 'a bad data-time moves nothing and sets no query: ' + JSON.stringify([s2.timeMs, s2.query]));
        assert(/t="soonqx" is not a time/.test(s2.status), 'and is reported in the status line: ' + s2.status);
        const s3 = await waitFor(page, 'document.getElementById("f1").contentWindow.explorer', 's => s.ready && s.frames > 0 && s.query === "llama"');
        near(s3, 3720, 'the iframe\'s t=1h2m');
        near(await waitFor(page, 'document.getElementById("f2").contentWindow.explorer', ready), 3600, 'the iframe\'s #t=3600 over its t=1290');
        saveShot('embed-start-time', await page.screenshot({ fullPage: true }));
      }),
  },
  {
    name: 'an embed without data-dark dresses like the page around it: dark on a dark blog although the reader prefers light, light again when the blog\'s own theme switch paints the page light, while data-dark="0" stays light (protects embeds in dark-theme blogs: the explorer was a bright box on them)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 700, height: 1200 }, colorScheme: 'light' },
      (bundle) => `<style>html.night { background: #15171a; } html.night body { color: #ddd; }</style><script>document.documentElement.className = 'night';</script>
<div id="e1" data-transcript-explorer data-bundle="explorer/${bundle}" style="height:420px"></div>
<div id="e2" data-transcript-explorer data-bundle="explorer/${bundle}" data-dark="0" style="height:200px"></div>`,
      async (page) => {
        const E2 = 'document.getElementById("e2").transcriptExplorer';
        assertEq((await waitFor(page, E1, 's => s.ready && s.frames > 0')).dark, true, 'the embed chose dark on the dark page');
        assertEq((await waitFor(page, E2, 's => s.ready && s.frames > 0')).dark, false, 'data-dark="0" is kept');
        await page.waitForTimeout(300);
        const png = await page.locator('#e1').screenshot();
        saveShot('embed-dark-page', await page.screenshot());
        const st = await pixelStats(page, png);
        assert(st.brightness < 90, 'the embed is dark like its page: mean brightness ' + st.brightness.toFixed(0));
        assert(st.inkPixels > 3000, 'and has text on it: ' + st.inkPixels);
        await page.evaluate(() => { document.documentElement.className = ''; });  // the blog's theme switch
        await waitFor(page, E1, 's => s.dark === false', 5000);
        assertEq((await page.evaluate(`${E2}.state()`)).dark, false, 'the explicit one did not move');
      }),
  },
  {
    name: 'Copy quote in an iframe embed served from another origin than the post puts the quote on the clipboard, and the button says "Copied" for a moment (protects quoting from the iframe embed: the Clipboard API is blocked there, and the quote was lost without a word)',
    fn: async ({ browser }) => {
      const explorer = await serve(SITE, '/');
      const bundle = fs.readdirSync(SITE).find((n) => /^demo\.[0-9a-f]+\.txb$/.test(n));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-embed-'));
      fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>
<body style="margin:0"><iframe id="f1" src="${explorer.url}embed.html?bundle=${bundle}" title="Transcript explorer" style="display:block;width:480px;height:500px;border:0"></iframe></body></html>`);
      const host = await serve(dir, '/');
      assert(new URL(host.url).origin !== new URL(explorer.url).origin, 'two origins');
      const context = await browser.newContext({ viewport: { width: 700, height: 700 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
      const page = await context.newPage();
      try {
        await page.goto(host.url + 'post.html');
        await page.evaluate(() => navigator.clipboard.writeText('what the clipboard held before'));
        const inFrame = (fn) => page.frames().find((f) => f.url().startsWith(explorer.url)).evaluate(fn);
        for (let i = 0; i < 300 && !(await inFrame(() => window.explorer.state().ready).catch(() => false)); i++) await page.waitForTimeout(100);  // the frame loads, then the explorer
        await page.waitForTimeout(300);
        const s = await inFrame(() => window.explorer.state());
        assertEq(s.copyNote, '', 'no note before a copy');
        const [tx, ty, , th] = s.tabs.Transcript;
        await page.mouse.click(tx + 30, ty + th + 14);  // "Copy quote", under the narrow layout's tabs
        let note = '';
        for (let i = 0; i < 40 && !note; i++) { await page.waitForTimeout(50); note = (await inFrame(() => window.explorer.state())).copyNote; }
        assertEq(note, 'copied', 'the button says the quote was copied');
        saveShot('embed-iframe-copied', await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 300 } }));
        const quote = await inFrame(() => window.explorer.lastCopied);
        assert(quote && quote.startsWith('"the following is a conversation'), 'the quote: ' + quote);
        assertEq(await page.evaluate(() => navigator.clipboard.readText()), quote, 'the clipboard holds the quote');
        await page.waitForTimeout(3000);
        assertEq((await inFrame(() => window.explorer.state())).copyNote, '', 'the note goes after a moment');
      } finally {
        await context.close();
        host.close();
        explorer.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'when the browser refuses the copy (no Clipboard API and no copy command), Copy quote says "Not copied" instead of looking as if it worked (protects the reader from pasting a stale clipboard)',
    fn: async ({ browser }) => {
      const explorer = await serve(SITE, '/');
      const page = await openPage(browser, explorer.url + 'embed.html', { width: 480, height: 500, init: () => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
        document.execCommand = () => false;
      } });
      try {
        const s = await waitState(page, 's => s.ready && s.frames > 0');
        const [tx, ty, , th] = s.tabs.Transcript;
        await page.mouse.click(tx + 30, ty + th + 14);
        await waitState(page, 's => s.copyNote !== ""', 3000).catch(() => {});
        assertEq((await page.evaluate(() => window.explorer.state())).copyNote, 'refused', 'the button says the copy failed');
        saveShot('embed-copy-refused', await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 300 } }));
      } finally {
        await page.context().close();
        explorer.close();
      }
    },
  },
  {
    name: 'the iframe embed follows a dark colour-scheme preference (with reduced motion asked for too) and takes no focus (protects embeds in dark-mode blogs)',
    fn: async ({ browser }) => withPost(browser, { viewport: { width: 700, height: 600 }, colorScheme: 'dark', reducedMotion: 'reduce' },
      (bundle) => `<iframe id="f1" src="explorer/embed.html?bundle=${bundle}&q=llama" title="Transcript explorer" style="width:100%;height:480px;border:0"></iframe>`,
      async (page) => {
        const getter = 'document.getElementById("f1").contentWindow.explorer';
        const s = await waitFor(page, getter, 's => s.ready && s.frames > 0 && s.query === "llama"');
        assertEq(s.dark, true, 'the explorer chose its dark theme');
        await page.evaluate(() => document.getElementById('f1').scrollIntoView());
        await page.waitForTimeout(400);
        const png = await page.locator('#f1').screenshot();
        saveShot('embed-iframe-dark', png);
        const st = await pixelStats(page, png);
        assert(st.brightness < 90, 'the iframe is dark: mean brightness ' + st.brightness.toFixed(0));
        assert(st.inkPixels > 5000, 'and has text on it: ' + st.inkPixels);
        assertEq(await page.evaluate(() => document.activeElement.id), '', 'the iframe did not take the focus');
      }),
  },
];
