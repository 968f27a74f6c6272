// Findings of the archive UX audit (a reader exploring a whole archive, not one episode), each
// pinned by a test on a small synthetic archive made here (runs without ../shared): deep links
// that cannot be followed say so; a results list scrolled into an episode's group keeps that
// episode's heading pinned; the topics phase after indexing counts up; the Episodes tab finds an
// episode by title. Screenshots: tests/browser/out/archive-ux-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, openPage, waitState, settle, saveShot, assert, assertEq } from './harness.mjs';
import { writeSyntheticArchive } from './synth-archive.mjs';

const state = (page) => page.evaluate(() => window.explorer.state());

// An init script: window.__topicsSeen collects state().topicsDone after every frame drawn while
// the topics phase is pending.
const TOPICS_SEEN_INIT = `(() => {
  window.__topicsSeen = [];
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) {
    return raf.call(window, (t) => {
      cb(t);
      const el = document.getElementById('explorer'), ex = el && el.transcriptExplorer;
      try { const s = ex && ex.state(); if (s && s.topicsPending) window.__topicsSeen.push(s.topicsDone); } catch (e) { /* not started */ }
    });
  };
})();`;

// An init script: window.__beforeFrame(), when set, runs once at the start of the next animation
// frame, before the explorer draws it (to set a link while a change is waiting to be drawn).
const BEFORE_FRAME_INIT = `(() => {
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) {
    return raf.call(window, (t) => { const f = window.__beforeFrame; window.__beforeFrame = null; if (f) f(); cb(t); });
  };
})();`;

// 12 short episodes: above the archive threshold for the views (timeline, episode list), quick to
// index; they load at once (< 1 MB of text). `big`: 24 longer episodes (1.2 MB of text), loaded in
// slices with the topics phase after indexing, as a real archive is.
const packed = {};
function archive(big = false) {
  const key = big ? 'big' : 'small';
  if (packed[key]) return packed[key];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-archive-ux-'));
  writeSyntheticArchive(path.join(dir, 'src'), big ? 24 : 12, big ? 8000 : 1500);
  const out = path.join(dir, 'archive.txb');
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', out, path.join(dir, 'src')]);
  packed[key] = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return packed[key];
}

async function openArchive(browser, hash = '', opts = {}, big = false) {
  const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'archive.txb': archive(big) });
  const page = await openPage(browser, site.url + '?bundle=archive.txb' + hash, opts);
  page.site = site;
  const n = big ? 24 : 12;
  const s = await waitState(page, `s => (s.ready && s.episodes === ${n}) || s.error`, 30000);
  assertEq(s.error, null, 'no load error');
  return page;
}
async function close(page) { await page.context().close(); page.site.close(); }

export const tests = [
  {
    name: 'a deep link to an episode that is not there (#ep=999, #ep=abc, #t=zz) says so in the status line instead of silently showing episode 1; the next move clears it (protects archive deep links)',
    fn: async ({ browser }) => {
      const page = await openArchive(browser, '#ep=999&t=300', { init: BEFORE_FRAME_INIT });
      let s = await waitState(page, 's => s.linkNote !== undefined && s.frames > 2');
      assertEq(s.linkNote, 'Link: no episode ep=999 here (ep=0 to 11)', 'the note names the bad episode and the range');
      assertEq(s.status, s.linkNote, 'the status line shows it');
      assertEq(s.episode, 0, 'the reader shows the first episode');
      assertEq(s.timeMs, 0, 'at its start: the t was for the missing episode');
      saveShot('archive-ux-bad-link', await page.screenshot());
      // the page's own hash moved to the shown place; a good link (hashchange) clears the note
      // The next link is set before the frame that draws this one's move (as a busy machine can
      // order them): the explorer's write of its new place must not overwrite the link set since,
      // whose hashchange then follows it (this ordering made the test time out under load).
      const followed = await page.evaluate(() => new Promise((done) => {
        window.addEventListener('hashchange', () => {  // after the loader's own listener followed it
          window.__beforeFrame = () => { location.hash = '#ep=abc&t=zz'; };
          const st = window.explorer.state();
          done([st.episode, st.linkNote]);
        }, { once: true });
        location.hash = '#ep=3&t=20';
      }));
      assertEq(JSON.stringify(followed), '[3,""]', 'a followed link opens its episode and says nothing');
      s = await settle(page, 's => s.linkNote !== ""');
      assert(/ep="abc" is not an episode number; t="zz" is not a time/.test(s.linkNote), 'the bad link set right after a good one is followed, and its bad values named: ' + JSON.stringify([s.linkNote, s.hash]));
      assertEq(s.episode, 3, 'the reader stays where the good link led');
      s = await waitState(page, 's => s.hash.startsWith("ep=3")');
      assertEq(await page.evaluate(() => location.hash), '#' + s.hash, 'then the page\'s hash shows the place kept');
      await page.evaluate(() => window.explorer.seek({ episode: 5, timeMs: 0 }));
      s = await waitState(page, 's => s.episode === 5');
      assertEq(s.linkNote, '', 'moving the reader clears the note');
      assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
      await close(page);
      // an embed-wide page (480 px): the note is in the status line too, cut with "…" when long
      const narrow = await openArchive(browser, '#ep=999', { width: 480, height: 640 });
      s = await waitState(narrow, 's => s.frames > 2 && s.linkNote !== undefined');
      assertEq(s.status, 'Link: no episode ep=999 here (ep=0 to 11)', 'narrow: the status says it');
      saveShot('archive-ux-bad-link-narrow', await narrow.screenshot());
      await close(narrow);
    },
  },
  {
    name: 'results scrolled past an episode\'s heading keep that heading pinned over the list, so each row\'s episode is known (protects grouped archive results)',
    fn: async ({ browser }) => {
      const page = await openArchive(browser, '', { width: 1000, height: 700 });
      await waitState(page, 's => !s.loading', 30000);
      await page.evaluate(() => window.explorer.setQuery('the'));
      let s = await waitState(page, 's => s.query === "the" && s.results > 40');
      assertEq(s.resultsPinned, '', 'at the top of the list the heading is in place: nothing pinned');
      const c = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
      const tab = s.tabs.Results;
      await page.mouse.move(c.x + tab[0] + 60, c.y + tab[1] + 200);
      for (let i = 0; i < 6; ++i) { await page.mouse.wheel(0, 400); await page.waitForTimeout(60); }
      s = await settle(page, 's => s.resultsPinned !== ""');
      assert(/^Conversation with .+ \(\d+ match(es)?\)$/.test(s.resultsPinned), 'the pinned heading names an episode and its matches: ' + s.resultsPinned);
      const eps = await page.evaluate(() => window.explorer.episodes());
      const title = s.resultsPinned.replace(/  \(.*$/, '');
      assert(eps.some((e) => e.title === title && e.hits > 0), 'an episode with hits: ' + title);
      saveShot('archive-ux-pinned-heading', await page.screenshot());
      assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
      await close(page);
    },
  },
  {
    name: 'after indexing, the topics phase counts the episodes done instead of a full bar that does not move (protects archive load progress)',
    fn: async ({ browser }) => {
      // the count is read by the page after every frame it draws, not polled from here: on a
      // loaded machine the whole topics phase could pass between two polls (seen: none)
      const page = await openArchive(browser, '', { init: TOPICS_SEEN_INIT }, true);
      const s = await settle(page, 's => !s.loading && !s.topicsPending', 60000);
      const seen = new Set(await page.evaluate(() => window.__topicsSeen));
      assertEq(s.topicsPending, false, 'topics finished');
      assertEq(s.topicsDone, 24, 'every episode has topics');
      assert([...seen].some((n) => n < 24), 'the count was seen below the total while topics were found: ' + [...seen]);
      await close(page);
    },
  },
  {
    name: 'the Episodes tab finds an episode by typing part of its title, Escape clears the filter and keeps its caret as in the search box, Ctrl+V pastes into it, and clicking a row opens it (protects finding one episode of many)',
    fn: async ({ browser }) => {
      const page = await openArchive(browser, '', { width: 1000, height: 700 });
      let s = await state(page);
      const eps = await page.evaluate(() => window.explorer.episodes());
      const want = eps.map((e, i) => [e.title, i]).filter(([t]) => /flo ragan/i.test(t));
      assert(want.length > 0 && want.length < 12, 'the archive has a few "flo ragan" episodes: ' + want.length);
      const c = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
      const tab = s.tabs.Episodes;
      await page.mouse.click(c.x + tab[0] + tab[2] / 2, c.y + tab[1] + tab[3] / 2);
      s = await waitState(page, 's => s.episodeFilter[2] > 0 && s.episodeRows === 12');
      const f = s.episodeFilter;
      await page.mouse.click(c.x + f[0] + 20, c.y + f[1] + f[3] / 2);
      // every wait below is on the explorer's state, not a time: on a loaded machine (CI's 2
      // shared cores) a frame can take longer than the fixed waits this test had
      s = await settle(page, 's => s.focus === "episodeFilter" && s.typing');
      assert(s.focus === 'episodeFilter' && s.typing, 'the click gave the filter the caret: ' + JSON.stringify([s.focus, s.typing]));
      await page.keyboard.type('flo ragan', { delay: 15 });
      s = await settle(page, 's => s.episodeRows === ' + want.length);
      assertEq(s.episodeRows, want.length, 'only the matching episodes are listed');
      saveShot('archive-ux-episode-filter', await page.screenshot());
      await page.keyboard.press('Escape');
      s = await settle(page, 's => s.episodeRows === 12 && s.typing');
      assertEq(s.episodeRows, 12, 'Escape cleared the filter');
      assert(s.typing, 'Escape cleared the filter and the box kept the caret (ImGui\'s own Escape drops it)');
      // Ctrl+V pastes into the filter as into the search box (the box with the keys takes the paste)
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await page.evaluate(() => navigator.clipboard.writeText('flo\nragan'));
      await page.keyboard.press('Control+V');
      s = await settle(page, `s => s.episodeRows === ${want.length}`);
      assertEq(s.episodeRows, want.length, 'the pasted "flo ragan" (its line break a space) filters the list');
      // the first row sits under the filter box and the table's header row
      await page.mouse.click(c.x + f[0] + 40, c.y + f[1] + 2.5 * f[3]);
      s = await settle(page, `s => s.episode === ${want[0][1]}`);
      assertEq(s.episode, want[0][1], 'a click on the first row opens its episode');
      await page.mouse.click(c.x + f[0] + 20, c.y + f[1] + f[3] / 2);  // the row took the focus
      s = await settle(page, 's => s.focus === "episodeFilter" && s.typing');
      assert(s.focus === 'episodeFilter' && s.typing, 'a click on the filter gives it the caret back: ' + JSON.stringify([s.focus, s.typing]));
      await page.keyboard.press('Control+A');
      await page.keyboard.type('nothing like this', { delay: 5 });
      s = await settle(page, 's => s.episodeRows === 0');
      assertEq(s.episodeRows, 0, 'a filter matching no title lists no episode');
      assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
      await close(page);
    },
  },
];
