// The explorer UI on the demo episode: live search, hit stepping, timeline seeking, deep links,
// the error screen and idle rendering. Counts are checked against the native core (build/transcript).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, openPage, openReady, waitState, settle, pixelStats, saveShot, assert, assertEq, cli, DEMO_TXT, typeQuery, pressKey } from './harness.mjs';

const ready = openReady;

export const tests = [
  {
    name: 'typing "llama" shows the same hit and passage counts as the native core (protects live search)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      const s = await typeQuery(page, 'llama');
      const core = cli(['search', '--query', 'llama', '--json', '--limit', '1', DEMO_TXT]);
      assert(core.occurrences > 5, 'the demo mentions llama several times');
      assertEq(s.totalHits, core.occurrences, 'hits equal the core\'s occurrences');
      assertEq(s.totalPassages, core.total_passages, 'passages equal the core\'s total_passages');
      const png = await page.screenshot();
      saveShot('ui-llama', png);
      const st = await pixelStats(page, png);
      assert(st.distinctColours > 200, 'topic colours, highlights and text are drawn');
      // a phrase and a bad query
      const p2 = await typeQuery(page, '"open source"');
      const core2 = cli(['search', '--query', '"open source"', '--json', '--limit', '1', DEMO_TXT]);
      assertEq(p2.totalHits, core2.occurrences, 'phrase hits equal the core\'s');
      // several bare words: the core counts matched passages; the page shows the same figure
      const p3 = await typeQuery(page, 'open source');
      const core3 = cli(['search', '--query', 'open source', '--json', '--limit', '1', DEMO_TXT]);
      assertEq(p3.totalHits, core3.occurrences, 'multi-word hits equal the core\'s');
      assertEq(p3.totalPassages, core3.total_passages, 'multi-word passages equal the core\'s');
      assert(p3.matches > p3.totalHits, 'every matched word range is still highlighted and steppable');
      await page.context().close();
    },
  },
  {
    name: 'a question typed as a sentence shows the closest passages and says so (protects partial matches)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      const q = 'what does he think about open source models and encryption';
      const strict = cli(['search', '--strict', '--query', q, '--json', '--limit', '1', DEMO_TXT]);
      assertEq(strict.total_passages, 0, 'no passage of the demo holds every word of the question');
      const core = cli(['search', '--query', q, '--json', '--limit', '1', DEMO_TXT]);
      assert(core.partial && core.partial.of === 4, 'the core leaves out the function words and searches 4 words');
      const s = await typeQuery(page, q);
      assertEq(s.totalPassages, core.total_passages, 'the page lists the core\'s closest passages');
      assert(s.results > 0, 'results are listed');
      assert(/No passage has every word/.test(s.queryNote) && /left out: what, does, he/.test(s.queryNote),
        `the page says why: ${s.queryNote}`);
      const png = await page.screenshot();
      saveShot('ui-partial', png);
      const st = await pixelStats(page, png);
      assert(st.distinctColours > 200, 'results, highlights and text are drawn');
      // a typed question whose other words one passage holds lists every passage holding them,
      // counted as any search is, and names the common words left out (it needed all ten words)
      const q3 = 'what does he think about open source models and safety';
      const sentence = cli(['search', '--query', q3, '--json', '--limit', '1', DEMO_TXT]);
      assert(!sentence.partial && sentence.left_out.length === 6 && sentence.total_passages > 0,
        'the core searches the 4 other words: ' + JSON.stringify(sentence.left_out));
      const s3 = await typeQuery(page, q3);
      assertEq(s3.totalPassages, sentence.total_passages, 'the page lists the core\'s passages');
      assert(/^Common words left out: what, does, he/.test(s3.queryNote), `the page names them: ${s3.queryNote}`);
      // an ordinary query has no note
      const s2 = await typeQuery(page, 'llama');
      assertEq(s2.queryNote, '', 'no note when passages hold every word');
      await page.context().close();
    },
  },
  {
    name: 'phone-typed “curly quotes” search the phrase, and a query of only "-" says what it holds (protects the query audit)',
    fn: async ({ browser, site }) => {
      // a phone keyboard's smart quotes, typed into the text field the page focuses on touch
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(site.url);
      const st = await waitState(page, 'st => st.ready && st.searchBox && st.searchBox[2] > 50');
      const r = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
      const [bx, by, bw, bh] = st.searchBox;
      await page.touchscreen.tap(r.x + bx + bw / 2, r.y + by + bh / 2);
      await page.waitForTimeout(200);
      const core = cli(['search', '--query', '"open source"', '--json', '--limit', '1', DEMO_TXT]);
      const words = cli(['search', '--query', 'open source', '--json', '--limit', '1', DEMO_TXT]);
      assert(core.occurrences !== words.occurrences, 'the phrase and the two words differ on the demo');
      const q = '\u201Copen source\u201D';
      await page.keyboard.type(q, { delay: 20 });
      const s = await waitState(page, `s => s.query === ${JSON.stringify(q)}`);
      assertEq(s.totalHits, core.occurrences, 'curly quotes give the phrase\'s hits');
      for (let i = 0; i < q.length; ++i) await page.keyboard.press('Backspace', { delay: 10 });
      await page.keyboard.type('-', { delay: 20 });
      const e = await waitState(page, 's => s.query === "-"');
      assertEq(e.queryError, "Type a word after '-' to leave it out", 'the status says what to type');
      assertEq(e.status, e.queryError, 'the status line shows it');
      await page.waitForTimeout(200);
      saveShot('ui-operator-only', await page.screenshot());
      await context.close();
    },
  },
  {
    name: 'Enter and F3 step the reader through hits, Shift+F3 steps back (protects hit navigation)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      const s0 = await typeQuery(page, 'zuckerberg');
      assert(s0.totalHits >= 3, 'several hits to step through');
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 0 }));
      await page.waitForTimeout(150);
      await page.keyboard.press('Enter');  // the first hit at or after the reading position
      const s1 = await waitState(page, 's => s.currentHit >= 0');
      const c1 = s1.currentHit;
      assert(c1 + 1 < s0.totalHits, 'not the last hit');
      await page.keyboard.press('F3');
      const s2 = await waitState(page, `s => s.currentHit === ${c1 + 1}`);
      assert(s2.word > s1.word, `F3 moves forward in reading order (${s1.word} -> ${s2.word})`);
      assert(s2.timeMs > s1.timeMs, 'and the reader time advances');
      await page.keyboard.press('Shift+F3');
      const s3 = await waitState(page, `s => s.currentHit === ${c1}`);
      assertEq(s3.word, s1.word, 'Shift+F3 returns to the previous hit');
      saveShot('ui-f3', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'a multi-word result takes the reader to the words its snippet shows, not an earlier lone match (protects the result\'s jump target)',
    fn: async ({ browser, site }) => {
      // found in the demo's text, not by the search: "future of AI" said once, a lone "of" ("CEO of meta") before it
      const words = fs.readFileSync(DEMO_TXT, 'utf8').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
      const q = ['future', 'of', 'ai'];
      const at = words.map((_, i) => i).filter((i) => q.every((w, k) => words[i + k] === w));
      assertEq(at.length, 1, 'the phrase is said once');
      const phrase = at[0];
      const lone = words.findIndex((w, i) => i < phrase && q.includes(w));
      assert(lone >= 0 && phrase - lone > 20, `a query word stands alone well before the phrase (${lone} < ${phrase})`);
      const page = await ready(browser, site.url);
      const s0 = await typeQuery(page, 'future of ai');
      assert(s0.results > 0, 'results are listed');
      await pressKey(page, 'ArrowDown');  // into the results, at the first one
      await pressKey(page, 'Enter');
      const s = await waitState(page, 's => s.selected === 0 && s.a11y && /result/.test(s.a11y.focus)', 5000)
        .catch(() => page.evaluate(() => window.explorer.state()));
      assertEq(s.selected, 0, 'the first result is chosen');
      assertEq(s.word, phrase, `the reader is at "future of AI", not at the lone "${words[lone]}" (word ${lone})`);
      assert(s.currentHit >= 0, 'its match is the current one (F3 goes on from there)');
      const sec = Math.floor(s.timeMs / 1000);
      const clock = `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
      assert(s.a11y.focus.startsWith(clock + ','), `the row says the reader's time ${clock}: ${s.a11y.focus}`);
      assert(new RegExp(`[#&]t=${sec}(&|$)`).test(s.hash), `the link's t= is the reader's second ${sec}: ${s.hash}`);
      const core = cli(['search', '--query', 'future of ai', '--json', '--limit', '1', DEMO_TXT]);
      assertEq(s.timeMs, core.hits[0].time_ms, 'the reader\'s time is the core hit\'s time');
      saveShot('ui-result-focus', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'clicking the timeline moves the reader to that time (protects timeline seeking)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      const s = await page.evaluate(() => window.explorer.state());
      const [x, y, w, h] = s.timeline;
      assert(w > 100 && h > 20, 'timeline is laid out');
      const expected = 0.75 * s.durationMs;
      const box = await page.locator('canvas').boundingBox();  // s.timeline is in canvas pixels (the Open bar sits above)
      await page.mouse.click(box.x + x + w * 0.75, box.y + y + h * 0.3);
      // the reader reports its own position as it scrolls; wait for the click's seek to land
      const after = await waitState(page, `st => Math.abs(st.timeMs - ${expected}) < ${s.durationMs * 0.05}`, 15000)
        .catch(() => page.evaluate(() => window.explorer.state()));
      assert(Math.abs(after.timeMs - expected) < s.durationMs * 0.02,
        `reader time ${after.timeMs} is near 75% of ${s.durationMs}`);
      assert(after.word > 0, 'reader word moved');
      saveShot('ui-timeline-click', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'a deep link restores the query and the position, and the hash follows the state (protects deep links)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url + '#q=metaverse&ep=0&t=3000');
      const s = await waitState(page, 'st => st.query === "metaverse"');
      assert(s.totalHits > 0, 'the restored query ran');
      assert(Math.abs(s.timeMs - 3000000) < 60000, `reader near 50:00, got ${s.timeMs}`);
      saveShot('ui-deeplink', await page.screenshot());
      await typeQuery(page, 'quest');
      await page.waitForFunction(() => location.hash.includes('q=quest'));
      await page.context().close();
    },
  },
  {
    name: 'a deep link far into the episode shows its words from the first frame (protects the reader\'s stepwise layout: the first frame lays out only down to what it shows, and a link\'s target beyond that)',
    fn: async ({ browser, site }) => {
      // metaverse is said at 1:59:13, 2:10:26 and elsewhere; the link goes to 2:05:00. Enter/F3 goes to
      // the next hit from the first word on screen, so it finds 2:10:26 only when the reader drew
      // the linked place (a reader left at the top would find 0:09:25).
      const page = await ready(browser, site.url + '#q=metaverse&ep=0&t=7500');
      const s = await waitState(page, 'st => st.query === "metaverse"');
      assert(Math.abs(s.timeMs - 7500000) < 30000, `the reader is at 2:05:00, got ${s.timeMs} ms`);
      const next = await page.evaluate(() => { window.explorer.nextHit(true); return window.explorer.state(); });
      assert(next.timeMs > 7500000 && next.timeMs < 7900000, `the next hit from the screen is the one at 2:10:26, got ${next.timeMs} ms`);
      const prev = await page.evaluate(() => { window.explorer.nextHit(false); return window.explorer.state(); });
      assert(prev.timeMs > 7000000 && prev.timeMs < 7500000, `and the one before it is at 1:59:13, got ${prev.timeMs} ms`);
      saveShot('ui-deeplink-far', await page.screenshot());
      await page.context().close();
    },
  },
  {
    name: 'a link followed while the explorer reports some other change is not overwritten by the old place before its hashchange arrives (protects following #t= links: archive-ux saw the link lost now and then)',
    fn: async ({ browser, site }) => {
      // registered before the loader's own listener, so it can hold the event back from it
      const init = () => {
        window.__holdHash = false;
        window.addEventListener('hashchange', (e) => { if (window.__holdHash) e.stopImmediatePropagation(); }, true);
      };
      const page = await ready(browser, site.url, { init });
      const before = await waitState(page, 'st => st.hash !== undefined && st.frames > 2');
      assert(before.timeMs < 60000, 'the reader starts near 0:00');
      // Hold the hashchange back (as a busy page would: the event is a task of its own) while a
      // change that does not move the reader (the theme) makes the explorer report its state.
      await page.evaluate(() => { window.__holdHash = true; location.hash = '#t=1800'; });
      const frames = (await waitState(page, 'st => true')).frames;
      await page.evaluate((d) => window.explorer.setDark(!d), before.dark);
      await waitState(page, `st => st.dark !== ${before.dark} && st.frames > ${frames}`);
      assertEq(await page.evaluate(() => location.hash), '#t=1800', 'the followed link is still in the address');
      await page.evaluate(() => {
        window.__holdHash = false;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
      const s = await waitState(page, 'st => Math.abs(st.timeMs - 1800000) < 60000');
      assert(s.linkNote === '', 'a good link leaves no note: ' + s.linkNote);
      await page.waitForFunction(() => location.hash === '#' + window.explorer.state().hash);
      await page.context().close();
    },
  },
  {
    name: 'the page and the offline file take ?q=, ?t= and ?ep= as embed.html does (a search form\'s GET, a link written by hand), and a #hash goes over them (protects links with parameters: they were ignored and the page opened empty at 0:00)',
    fn: async ({ browser, site }) => {
      let page = await ready(browser, site.url + 'index.html?q=llama&t=21:30&ep=0');
      let s = await waitState(page, 'st => st.query === "llama"');
      assert(s.totalHits > 0 && Math.abs(s.timeMs - 1290000) < 30000, `query and position from the parameters: ${s.totalHits} hits at ${s.timeMs} ms`);
      await page.waitForFunction(() => location.hash.includes('q=llama'));
      await page.context().close();
      page = await ready(browser, site.url + 'index.html?q=llama&t=600#q=metaverse&t=3000');
      s = await waitState(page, 'st => st.query === "metaverse"');
      assert(Math.abs(s.timeMs - 3000000) < 30000, 'the hash\'s time over the parameter\'s: ' + s.timeMs);
      await page.context().close();
      const offline = path.join(ROOT, 'dist/offline/lex-fridman-383-mark-zuckerberg.html');
      page = await ready(browser, 'file://' + offline + '?q=zuckerberg&t=1h');
      s = await waitState(page, 'st => st.query === "zuckerberg"');
      assert(Math.abs(s.timeMs - 3600000) < 30000, 'the offline file too: ' + s.timeMs);
      await page.context().close();
    },
  },
  {
    name: 'a deep link keeps its time through reloads, resizes and text size changes (protects the reader\'s place)',
    fn: async ({ browser, site }) => {
      const tOf = (h) => Number((/[#&]t=(\d+)/.exec(h) || [])[1]);
      let page = await ready(browser, site.url + '#q=llama&ep=0&t=1290', { width: 900, height: 700 });
      let s = await waitState(page, 'st => st.query === "llama"');
      await page.waitForTimeout(400);
      s = await page.evaluate(() => window.explorer.state());
      // the reader reading its own first line back made t drift earlier on every reload (1290 -> 1281 -> 1268 ...)
      assertEq(tOf(s.hash), 1290, `the hash keeps the linked second (${s.hash})`);
      const url = page.url();
      for (let i = 0; i < 2; ++i) {
        await page.reload();
        await waitState(page, 'st => st.query === "llama"');
        await page.waitForTimeout(400);
        s = await page.evaluate(() => window.explorer.state());
        assertEq(tOf(s.hash), 1290, `reload ${i + 1}: t unchanged (${s.hash})`);
      }
      // wide -> phone layout: a new reader window started at scroll 0 and sent the reader to 0:00
      await page.setViewportSize({ width: 600, height: 700 });
      s = await settle(page, 's => s.narrowTab !== ""');  // drawn in the phone layout (on a busy machine later than 500 ms)
      assert(s.narrowTab !== '', 'a 600 px page has the phone layout');
      await page.waitForTimeout(500);
      s = await page.evaluate(() => window.explorer.state());
      assert(Math.abs(s.timeMs - 1290000) < 30000, `the narrow layout keeps the place, got ${s.timeMs} ms`);
      saveShot('ui-place-narrow', await page.screenshot());
      await page.setViewportSize({ width: 1100, height: 700 });
      s = await settle(page, 's => s.narrowTab === ""');
      assertEq(s.narrowTab, '', 'a 1100 px page has the wide layout');
      await page.waitForTimeout(500);
      s = await page.evaluate(() => window.explorer.state());
      assert(Math.abs(s.timeMs - 1290000) < 30000, `back to wide, still there, got ${s.timeMs} ms`);
      // a larger text size re-wraps every line; the reader stays at its word
      await page.keyboard.press('Control+Equal');
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+Equal');
      await page.waitForTimeout(500);
      s = await page.evaluate(() => window.explorer.state());
      assert(Math.abs(s.timeMs - 1290000) < 30000, `after A+ A+, still there, got ${s.timeMs} ms`);
      saveShot('ui-place-larger', await page.screenshot());
      assert(url.includes('t=1290'), 'the page URL was the linked one');
      await page.context().close();
    },
  },
  {
    name: 'a corrupt bundle shows the error screen with a message, not a blank page (protects error handling)',
    fn: async ({ browser }) => {
      const good = fs.readFileSync(path.join(ROOT, 'build-web/site/demo.txb'));
      const corrupt = Buffer.from(good);
      for (let i = 40; i < corrupt.length; i += 97) corrupt[i] ^= 0x5a;
      const truncated = good.subarray(0, Math.floor(good.length / 2));
      const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'corrupt.txb': corrupt, 'truncated.txb': truncated });
      for (const name of ['corrupt.txb', 'truncated.txb', 'missing.txb']) {
        const page = await openPage(browser, site.url + '?bundle=' + name);
        const s = await waitState(page);
        assert(!s.ready, name + ' is not reported ready');
        assert(typeof s.error === 'string' && s.error.length > 10, name + ' gives a human message: ' + s.error);
        await page.waitForTimeout(200);
        const png = await page.screenshot();
        saveShot('ui-error-' + name.replace('.txb', ''), png);
        const st = await pixelStats(page, png);
        assert(st.inkPixels > 1500, 'the error text is drawn: ' + st.inkPixels);
        await page.context().close();
      }
      site.close();
    },
  },
  {
    name: 'an idle page renders no frames for 2 s (protects battery: no rendering while idle)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      // idle from the first 500 ms without a frame once loading and topics are done (not a fixed
      // 500 ms after ready: a loaded machine drew the load's last frames inside the 2 s below);
      // a page that never stops drawing gets no quiet moment and fails below
      await settle(page, 's => !s.loading && !s.topicsPending');
      const frames = () => page.evaluate(() => window.explorer.state().frames);
      let a = await frames();
      for (const end = Date.now() + 20000; Date.now() < end;) {
        await page.waitForTimeout(500);
        const now = await frames();
        if (now === a) break;
        a = now;
      }
      await page.waitForTimeout(2000);
      const b = await page.evaluate(() => window.explorer.state().frames);
      assertEq(b, a, 'frame count unchanged while idle');
      await page.mouse.move(300, 300);
      await page.waitForTimeout(200);
      const c = await page.evaluate(() => window.explorer.state().frames);
      assert(c > b, 'input wakes the renderer');
      await page.context().close();
    },
  },
  {
    name: 'dark theme and larger text render (protects themes and font size)',
    fn: async ({ browser, site }) => {
      const page = await ready(browser, site.url);
      await page.evaluate(() => { window.explorer.setDark(true); window.explorer.setFontScale(1.3); });
      await page.waitForTimeout(300);
      const s = await page.evaluate(() => window.explorer.state());
      assertEq(s.dark, true, 'dark mode on');
      assert(Math.abs(s.fontScale - 1.3) < 0.01, 'font scale applied');
      const png = await page.screenshot();
      saveShot('ui-dark', png);
      const st = await pixelStats(page, png, { x: 600, y: 300, w: 400, h: 300 });
      assert(st.darkPixels > 400 * 300 * 0.5, 'background is dark');
      await page.context().close();
    },
  },
  {
    name: 'on a touch phone, tapping the search box focuses a text field (opens the on-screen keyboard), typing searches, and the box draws that field\'s caret where it is (protects mobile search)',
    fn: async ({ browser, site }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(site.url);
      const s = await waitState(page);
      assertEq(s.error, null, 'no load error');
      const st = await waitState(page, 'st => st.searchBox && st.searchBox[2] > 50');
      const r = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
      const [bx, by, bw, bh] = st.searchBox;
      await page.touchscreen.tap(r.x + bx + bw / 2, r.y + by + bh / 2);
      await page.waitForTimeout(200);
      const tag = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
      assertEq(tag, 'INPUT', 'a real text field has focus, so the on-screen keyboard opens');
      await page.keyboard.type('llama', { delay: 20 });
      const after = await waitState(page, 'st => st.query === "llama"');
      const core = cli(['search', '--query', 'llama', '--json', '--limit', '1', DEMO_TXT]);
      assertEq(after.totalHits, core.occurrences, 'typing on the phone searched');
      // the box is not ImGui's active item (the page's field has the keys): it draws the field's caret
      const atEnd = (await waitState(page, 'st => st.touchCaretX > 0')).touchCaretX;
      const dpr = 2, caretShot = await page.screenshot();
      saveShot('ui-phone-caret', caretShot);
      const column = (x) => ({ x: Math.round((r.x + bx + x) * dpr) - 1, y: Math.round((r.y + by + 5) * dpr), w: 3, h: Math.round((bh - 10) * dpr) });
      const line = await pixelStats(page, caretShot, column(atEnd));
      assert(line.inkPixels >= column(atEnd).h * 0.7, 'a caret line is drawn after "llama": ' + JSON.stringify(line));
      const past = await pixelStats(page, caretShot, column(atEnd + 8));
      assert(past.inkPixels < column(atEnd).h * 0.2, 'nothing drawn past the caret: ' + JSON.stringify(past));
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const inside = (await waitState(page, `st => st.touchCaretX > 0 && st.touchCaretX < ${atEnd}`, 3000).catch(() => null));
      assert(inside, 'two letters back, the caret moved left');
      await page.keyboard.press('Home');
      const start = (await waitState(page, `st => st.touchCaretX > 0 && st.touchCaretX < ${inside.touchCaretX}`, 3000).catch(() => null));
      assert(start && start.touchCaretX < 12, 'Home: the caret at the text\'s start: ' + (start && start.touchCaretX));
      await page.keyboard.press('End');
      await waitState(page, `st => st.touchCaretX === ${atEnd}`, 3000);
      await page.keyboard.press('Enter');
      await waitState(page, 'st => st.currentHit >= 0');
      await waitState(page, 'st => st.touchCaretX === -1', 3000);  // Enter let go of the field: no caret left behind
      await page.waitForTimeout(200);
      saveShot('ui-phone-typing', await page.screenshot());
      await context.close();
    },
  },
];
