// The Episodes tab's "Recurring topics" list against the strip colours, on a small synthetic
// archive with clear topics (runs without ../shared): four episodes of three sections each, drawn
// from one small vocabulary per topic; cooking is in episodes 1, 3 and 4, astronomy in 1 and 2.
// Screenshots: tests/browser/out/recurring-list-*.png.
import path from 'node:path';
import { ROOT, serve, openPage, waitState, pixelStats, saveShot, assert, assertEq } from './harness.mjs';
import { topicArchive, TOPIC_VOCAB } from './synth-archive.mjs';

const { STARS, COOKING } = TOPIC_VOCAB;
const archive = topicArchive;

// The most common colour ("#rrggbb") of a region of a PNG screenshot.
async function dominantColour(page, png, r) {
  const region = { x: Math.round(r.x), y: Math.round(r.y), w: Math.max(1, Math.round(r.w)), h: Math.max(1, Math.round(r.h)) };
  return (await pixelStats(page, png, region)).commonest;
}

// The colour of the topic strip at a fraction of the episode's duration (above the labels); c:
// the canvas's place on the page (the state's rects are within the canvas).
async function stripColour(page, c, s, frac) {
  const t = s.timeline;
  return dominantColour(page, await page.screenshot(), { x: c.x + t[0] + t[2] * frac - 3, y: c.y + t[1] + 3, w: 6, h: 2 });
}

const about = (row, vocab) => vocab.some((w) => row.label.includes(w));

export const tests = [
  {
    name: 'the Episodes tab lists the recurring topics the strips are coloured by: cooking (3 episodes) first, astronomy next, each swatch the colour of its segments in every episode; choosing cooking keeps its episodes and opens them at it (protects the recurring topics list)',
    fn: async ({ browser }) => {
      const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'archive.txb': archive() });
      const page = await openPage(browser, site.url + '?bundle=archive.txb', { width: 1100, height: 760 });
      let s = await waitState(page, 's => (s.tabs && s.tabs.Episodes && s.episodes === 4) || s.error', 30000);
      assertEq(s.error, null, 'no load error');
      const c = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
      const tab = s.tabs.Episodes;
      await page.mouse.click(c.x + tab[0] + tab[2] / 2, c.y + tab[1] + tab[3] / 2);
      // while the grouping runs the list says so (no rows of another kind)
      const notes = new Set();
      for (let i = 0; i < 2000; ++i) {
        s = await page.evaluate(() => window.explorer.state());
        if (s.loading || s.topicsPending) { notes.add(s.topicList.note); assertEq(s.topicList.rows.length, 0, 'no rows before the topics are found'); }
        if (!s.loading && !s.topicsPending) break;
        await page.waitForTimeout(15);
      }
      assert(notes.has('Recurring topics: finding recurring topics\u2026'), 'the list said it was finding them: ' + [...notes].join(' | '));
      s = await waitState(page, 's => !s.topicsPending && s.topicList.rows.length > 0', 30000);
      const rows = s.topicList.rows;
      assertEq(s.topicList.note, '', 'no note once found');
      assert(about(rows[0], COOKING), 'the first row is cooking: ' + rows.map((r) => r.label).join(' | '));
      assertEq(JSON.stringify(rows[0].episodes), '[0,2,3]', 'cooking is in episodes 1, 3 and 4');
      const stars = rows.find((r) => about(r, STARS));
      assert(stars, 'astronomy is listed: ' + rows.map((r) => r.label).join(' | '));
      assertEq(JSON.stringify(stars.episodes), '[0,1]', 'astronomy is in episodes 1 and 2');
      assert(stars.color !== rows[0].color, 'two topics of one episode differ in colour');
      assertEq(new Set(rows.map((r) => r.color)).size, rows.length, 'each of the few recurring topics has its own colour: ' + rows.map((r) => r.color).join(' '));
      const png = await page.screenshot();
      saveShot('recurring-list-episodes-tab', png);
      // a title wider than its column is cut with an ellipsis (here the first words of the text)
      const titles = (await page.evaluate(() => window.explorer.episodes())).map((e) => e.title);
      assert(s.ellipsized.some((t) => titles.includes(t)), 'a long episode title is cut with an ellipsis in the list: ' + JSON.stringify(s.ellipsized));
      for (const r of [rows[0], stars]) {
        const w = r.swatch;
        assertEq(await dominantColour(page, png, { x: c.x + w[0] + 2, y: c.y + w[1] + 2, w: w[2] - 4, h: w[3] - 4 }), r.color, `the swatch of "${r.label}" is drawn in its colour`);
      }
      // episode 1 (shown): astronomy in the middle, cooking last, in the list's colours
      assertEq(s.episode, 0, 'episode 1 is shown');
      assertEq(await stripColour(page, c, s, 0.5), stars.color, 'episode 1: the astronomy segment has the row\'s colour');
      assertEq(await stripColour(page, c, s, 5 / 6), rows[0].color, 'episode 1: the cooking segment has the row\'s colour');
      // choose cooking: the list keeps episodes 1, 3 and 4; ↓ from episode 1 opens episode 3 at its cooking segment
      const r0 = rows[0].rect;
      await page.mouse.click(c.x + r0[0] + r0[2] / 2, c.y + r0[1] + r0[3] / 2);
      s = await waitState(page, `s => s.chosenTopic === ${rows[0].topic} && s.episodeRows === 3`, 5000);
      const f = s.episodeFilter;
      await page.mouse.click(c.x + f[0] + 20, c.y + f[1] + f[3] / 2);
      await page.keyboard.press('ArrowDown');  // into the list (episode 1 is in it)
      await page.waitForTimeout(100);
      await page.keyboard.press('ArrowDown');  // the next episode with cooking
      s = await waitState(page, 's => s.episode === 2', 5000);
      assert(s.timeMs >= s.durationMs * 0.3 && s.timeMs < s.durationMs * 0.45, `episode 3 opens at its cooking segment (a third in): ${s.timeMs} of ${s.durationMs} ms`);
      s = await waitState(page, 's => s.topics >= 3', 10000);
      await page.waitForTimeout(200);
      assertEq(await stripColour(page, c, s, 0.5), rows[0].color, 'episode 3: the cooking segment has the same colour as in episode 1');
      assert((await stripColour(page, c, s, 1 / 6)) !== rows[0].color, 'episode 3: the chess segment does not');
      saveShot('recurring-list-chosen', await page.screenshot());
      // choosing it again shows every episode
      const again = s.topicList.rows.find((r) => r.topic === rows[0].topic).rect;
      await page.mouse.click(c.x + again[0] + again[2] / 2, c.y + again[1] + again[3] / 2);
      s = await waitState(page, 's => s.chosenTopic === -1 && s.episodeRows === 4', 5000);
      assertEq(page.errors.length, 0, 'no console errors: ' + page.errors.join(' | '));
      await page.context().close();
      site.close();
    },
  },
];
