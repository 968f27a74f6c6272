// Archives in the page: a 20-episode bundle (Lexicap's first 20 episodes when ../shared is there,
// else 20 synthetic WebVTT episodes made here) loads in time slices, answers searches across
// episodes with per-episode counts equal to the native core's, and opening a hit in another
// episode switches the reader to it. Screenshots: tests/browser/out/archive-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, openPage, waitState, settle, pixelStats, saveShot, assert, assertEq, cli, typeQuery } from './harness.mjs';
import { writeSyntheticArchive, markerWord } from './synth-archive.mjs';

const LEXICAP = path.resolve(ROOT, '../shared/data/lexicap');

function packArchive() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-archive-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  let real = false;
  if (fs.existsSync(LEXICAP) && !process.env.TX_SYNTHETIC_ARCHIVE) {  // TX_SYNTHETIC_ARCHIVE=1: as on a fresh machine
    const files = fs.readdirSync(LEXICAP).filter((f) => f.endsWith('.vtt')).sort().slice(0, 20);
    if (files.length === 20) {
      for (const f of files) fs.copyFileSync(path.join(LEXICAP, f), path.join(src, f));  // temp dir, never the repo
      real = true;
    }
  }
  if (!real) writeSyntheticArchive(src, 20);
  const out = path.join(dir, 'archive.txb');
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', out, src]);
  return { dir, src, out, real, bytes: fs.readFileSync(out) };
}

export const tests = [
  {
    name: 'a 20-episode archive loads in slices, searches across episodes and opens a hit in another episode (protects archive mode)',
    fn: async ({ browser }) => {
      const a = packArchive();
      const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'archive.txb': a.bytes });
      try {
        // The first state drawn while indexing, caught in the page on every animation frame: polled
        // from node (every 40 ms plus a round trip) a loaded machine could miss the whole load.
        const catchLoading = () => {
          const tick = () => {
            try {
              const s = window.explorer && window.explorer.state();
              if (s && s.loading && s.timeline[3] > 0) { window.txSeenLoading = s; return; }
            } catch (e) { /* not started yet */ }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        };
        const page = await openPage(browser, site.url + '?bundle=archive.txb', { init: catchLoading });
        // the episode list is there before everything is indexed
        const s0 = await waitState(page, 's => s.episodes > 0 || s.error');
        assertEq(s0.error, null, 'no load error');
        assertEq(s0.episodes, 20, 'all 20 episodes are listed from the directory');
        const s1 = await waitState(page, 's => s.indexedEpisodes === s.episodes && !s.loading', 60000);
        assert(s1.ready, 'ready once indexed');
        // the progress bar's row stays (a summary line) once indexing and topics end: nothing below it jumps up
        const sAfter = await waitState(page, 's => !s.loading && !s.topicsPending', 60000);
        await page.waitForTimeout(300);
        Object.assign(sAfter, await page.evaluate(() => window.explorer.state()));
        const sLoading = await page.evaluate(() => window.txSeenLoading || null);
        assert(sLoading, 'the archive was seen indexing');
        assertEq(sAfter.timeline[1], sLoading.timeline[1], 'the timeline keeps its place after indexing');
        assert(s1.longestFrameMs < 1000, `no frame froze the page (${s1.longestFrameMs} ms)`);
        // titles came from the opening lines
        const info = execFileSync(path.join(ROOT, 'build/transcript'), ['info', a.out], { encoding: 'utf8' });
        if (!a.real) assert(info.includes('Conversation with Ada Quill 1'), 'title derived from the opening line');

        // a query across episodes: counts equal the native core over the same files
        const q = a.real ? 'consciousness' : 'quasarine';
        await typeQuery(page, q);  // typed like a user (the search box keeps the focus for the next one)
        const s2 = await waitState(page, `s => s.query === ${JSON.stringify(q)}`);
        const core = cli(['search', '--query', q, '--json', '--limit', '1', a.out]);
        assertEq(s2.totalHits, core.occurrences, 'hits equal the core\'s occurrences');
        assertEq(s2.totalPassages, core.total_passages, 'passages equal the core\'s');
        assertEq(s2.partial, false, 'results cover the whole archive');
        const s3 = await settle(page, 's => s.pendingSnippets < s.results');  // decoded in the next frames
        assert(s3.pendingSnippets < s3.results, 'visible result snippets were filled');
        const png = await page.screenshot();
        saveShot('archive-results', png);
        assert((await pixelStats(page, png)).distinctColours > 100, 'results, timeline and reader are drawn');

        // open a hit in a different episode from the one shown: the reader switches
        assertEq(s3.episode, 0, 'the first episode is shown');
        const target = a.real ? null : markerWord(13);
        const q2 = target ? `"${target}"` : '"consciousness"';
        await typeQuery(page, q2);
        await waitState(page, `s => s.query === ${JSON.stringify(q2)} && s.results > 0`);
        // click the first result row whose episode is not 0: Enter steps to the first hit at or
        // after the reading position, which for the marker is in episode 13
        await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 0 }));
        await page.keyboard.press('Enter');
        const s4 = await waitState(page, 's => s.currentHit >= 0');
        if (target) assertEq(s4.episode, 13, 'the reader switched to the episode of the hit');
        else {
          // real data: step until the hit is outside episode 0
          let s = s4;
          for (let i = 0; i < 200 && s.episode === 0; ++i) { await page.keyboard.press('F3'); await page.waitForTimeout(20); s = await page.evaluate(() => window.explorer.state()); }
          assert(s.episode > 0, 'a hit in another episode was opened');
        }
        await page.waitForTimeout(300);
        const s5 = await page.evaluate(() => window.explorer.state());
        assert(s5.episode !== 0, 'reader shows the other episode');
        assert(s5.durationMs > 0, 'with its duration');
        const png2 = await page.screenshot();
        saveShot('archive-other-episode', png2);
        assert((await pixelStats(page, png2)).inkPixels > 2000, 'the other episode\'s text is drawn');
        assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
        await page.context().close();
      } finally {
        site.close();
        fs.rmSync(a.dir, { recursive: true, force: true });
      }
    },
  },
];
