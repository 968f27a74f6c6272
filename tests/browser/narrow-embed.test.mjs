// Embeds narrower than a phone: a blog's sidebar, an <iframe width=280>. At 240-320 px the search
// box was left 71-151 px beside the A−/A+/Dark buttons and clipped its own hint mid-word ("Search
// th"), the tabs were cut to "Trans…" / "Resul…", and the title to "Mark Zuckerberg (Le…".
// embed.html is opened as the iframe's document (its viewport is the iframe's box).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, openPage, waitState, regionPixels, pixelStats, saveShot, assert, assertEq } from './harness.mjs';

const WIDTHS = [240, 280, 320];

async function openEmbed(browser, site, w, query = '', bundle = '') {
  const page = await openPage(browser, site.url + 'embed.html?dark=0' + (bundle ? '&bundle=' + bundle : '') + (query ? '&q=' + query : ''),
    { width: w, height: 480, dpr: 2 });
  const s = await waitState(page, 's => (s.ready && s.frames > 2 && !s.loading) || s.error');
  assertEq(s.error, null, `${w}: no load error`);
  await page.waitForTimeout(400);
  return page;
}
const state = (page) => page.evaluate(() => window.explorer.state());

// The columns of the search box (its inner 3/4 of height) that hold ink of its hint text: the
// hint is whole when its ink ends before the box's right padding (a clipped hint runs into it).
async function hintInkRight(page, box) {
  const [x, y, w, h] = box.map((v) => Math.round(v * 2));  // DPR 2
  const png = await page.screenshot();
  const { data } = await regionPixels(page, png, { x, y: y + Math.round(h / 8), w, h: Math.round(h * 3 / 4) });
  const rows = Math.round(h * 3 / 4), bg = [data[0], data[1], data[2]];  // the box's own fill at its left edge
  let right = -1;
  for (let c = 0; c < w; c++)
    for (let r = 0; r < rows; r++) {
      const i = (r * w + c) * 4;
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 120) { right = c; break; }
    }
  return right / 2;  // CSS px from the box's left
}

// A text cut with "…" ends after a whole word: what is drawn, "…" off, is the start of the text
// and the text goes on there with a space (or a separator); only a first word that does not fit
// alone is cut within.
function checkCutAtWord(s, what) {
  assertEq(s.ellipsizedAs.length, s.ellipsized.length, `${what}: what was drawn of each cut text is told`);
  s.ellipsized.forEach((full, i) => {
    const shown = s.ellipsizedAs[i];
    assert(shown.endsWith('…'), `${what}: '${full}' drawn with "…": ${JSON.stringify(shown)}`);
    const head = shown.slice(0, -1);
    assert(full.startsWith(head), `${what}: '${shown}' is the start of '${full}'`);
    const atWord = /^[\s,;:(\-·]/.test(full.slice(head.length));
    const firstWord = !/\s/.test(head) && !/\s/.test(full.slice(0, head.length + 1));
    assert(atWord || firstWord, `${what}: '${full}' cut after a whole word, not mid-word: drawn ${JSON.stringify(shown)}`);
  });
}

export const tests = [
  {
    name: 'an embed 240, 280 and 320 px wide shows its search box\'s hint whole, its tabs uncut, and its title cut after a whole word (protects embeds in a blog sidebar: "Search th", "Trans…", "(Le…")',
    fn: async ({ browser }) => {
      const site = await serve(path.join(ROOT, 'build-web/site'));
      try {
        for (const w of WIDTHS) {
          let page = await openEmbed(browser, site, w);
          let s = await state(page);
          const [bx, by, bw, bh] = s.searchBox;
          assertEq(s.searchHint, 'Search the transcript', `${w}: the short hint`);
          const ink = await hintInkRight(page, s.searchBox);
          assert(ink > 40, `${w}: the hint is drawn (${ink})`);
          assert(ink < bw - 6, `${w}: the hint ends inside the box, not clipped at its edge: ink to ${ink} of ${bw.toFixed(0)} px`);
          assertEq(JSON.stringify(s.tabsCut), '[]', `${w}: no tab cut (tabs: ${JSON.stringify(s.tabs)})`);
          assertEq(s.narrowTab, 'Transcript', `${w}: opens on the transcript`);
          checkCutAtWord(s, `${w}`);
          saveShot(`narrow-embed-${w}`, await page.screenshot());
          await page.context().close();

          page = await openEmbed(browser, site, w, 'llama');
          s = await state(page);
          assertEq(s.narrowTab, 'Results', `${w}: with a query, opens on its results`);
          assertEq(JSON.stringify(s.tabsCut), '[]', `${w}, llama: no tab cut (tabs: ${JSON.stringify(s.tabs)})`);
          assert(s.searchBox[2] >= bw - 0.5, `${w}: the box keeps its width with a query`);
          checkCutAtWord(s, `${w}, llama`);
          saveShot(`narrow-embed-${w}-llama`, await page.screenshot());
          await page.context().close();
        }
      } finally {
        site.close();
      }
    },
  },
  {
    name: 'an archive embed 240 px wide: its four tabs (Text, Results, Topics, Episodes) are whole, its summary line stays inside, and the Topics tab\'s times and shares are whole and its labels cut after a keyword (protects archives in a blog sidebar)',
    fn: async ({ browser }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-narrow-'));
      for (const n of ['001', '002', '003']) fs.copyFileSync(`/work/shared/data/lexicap/episode_${n}_large.vtt`, path.join(dir, `episode_${n}.vtt`));
      execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', path.join(dir, 'a3.txb'), dir]);
      const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'a3.txb': fs.readFileSync(path.join(dir, 'a3.txb')) });
      try {
        const page = await openEmbed(browser, site, 240, 'intelligence', 'a3.txb');
        let s = await state(page);
        assertEq(Object.keys(s.tabs).join(','), 'Transcript,Results,Topics,Episodes', 'four tabs');
        assertEq(JSON.stringify(s.tabsCut), '[]', `no tab cut (tabs: ${JSON.stringify(s.tabs)})`);
        // nothing runs on into the right margin above the tabs ("3 episodes · 29,626 words · all se")
        const png = await page.screenshot();
        const top = Math.round(s.tabs.Transcript[1] * 2);
        const margin = await pixelStats(page, png, { x: (240 - 10) * 2, y: 0, w: 16, h: top });
        assertEq(margin.inkPixels, 0, 'no ink in the right margin above the tabs');
        const r = s.tabs.Topics;
        await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
        s = await waitState(page, 's => s.narrowTab === "Topics"');
        await page.waitForTimeout(300);
        s = await state(page);
        assert(s.ellipsized.length >= 3, 'the topic labels are cut to the narrow list: ' + JSON.stringify(s.ellipsized));
        checkCutAtWord(s, '240 Topics');
        const numbers = s.ellipsized.filter((t) => /^\d+%$|^\d+(:\d\d)+/.test(t));
        assertEq(JSON.stringify(numbers), '[]', 'the Topics list\'s shares and times are whole (cut: ' + JSON.stringify(numbers) + ')');
        saveShot('narrow-embed-240-archive-topics', await page.screenshot());
        await page.context().close();
      } finally {
        site.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
