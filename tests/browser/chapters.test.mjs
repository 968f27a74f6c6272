// Protects: creator chapters as a podcaster packs them (a manifest's `chapters` column, README
// "Publish your own transcripts" step 3) and a reader uses them: drawn as a row of their own beside
// the computed topics, listed in the Topics tab (↑/↓ and Enter there read from a chapter's start),
// a click on a chapter reads from its start, deep links still work, titles with letters outside
// ASCII get their glyphs on the first frame, long titles and 60 chapters stay readable at 1280 and
// 390 px, and chapters with bad times are reported by `transcript pack` and never break the page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, DEMO_TXT, FIRST_DRAWN_INIT, serve, openPage, waitState, settle, saveShot, assert, assertEq, pressKey, tabTo } from './harness.mjs';

const GREEK = 'Caf\u00e9 \u00dc \u2014 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1';
const LONG = 'A very long chapter title that goes on about the metaverse, open source models, jiu-jitsu and building things for billions of people';
const CHAPTERS = [[0, 'Introduction'], [12 * 60 + 30, GREEK], [25 * 60, LONG], [70 * 60, 'Open source'], [120 * 60, 'Outro']];

const clock = (s) => `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

// Packs the demo transcript (ASCII, ~3 h at the estimated speaking rate) with `chapters`
// ([[seconds, title]] in the order written) through a manifest. @return { bytes, stderr, status }.
function packWithChapters(chapters) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-chapters-'));
  try {
    fs.copyFileSync(DEMO_TXT, path.join(dir, 'ep.txt'));
    const field = chapters.map(([s, t]) => `${typeof s === 'number' ? clock(s) : s} ${t}`).join(';');
    fs.writeFileSync(path.join(dir, 'episodes.tsv'), `file\ttitle\tchapters\nep.txt\tChapters test\t${field}\n`);
    const r = spawnSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', path.join(dir, 'ch.txb'), path.join(dir, 'episodes.tsv')], { encoding: 'utf8' });
    const stderr = r.stderr, status = r.status;
    const out = path.join(dir, 'ch.txb');
    return { bytes: fs.existsSync(out) ? fs.readFileSync(out) : null, stderr, status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function openBundle(browser, bytes, { width = 1280, height = 800, hash = '' } = {}) {
  const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'ch.txb': bytes });
  const page = await openPage(browser, site.url + '?bundle=ch.txb' + hash, { width, height, init: FIRST_DRAWN_INIT });
  page.site = site;
  const s = await waitState(page, 's => (s.ready && s.topics > 0) || s.error');
  assertEq(s.error, null, 'no load error');
  await page.waitForTimeout(200);
  return page;
}

async function close(page) {
  assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
  await page.context().close();
  page.site.close();
}

// Every chapter title drawn lies inside the timeline strip, below its topic row, and no two overlap.
function checkLabels(s, what) {
  const [tx, ty, tw, th] = s.timeline;
  const labels = s.chapterLabels;
  for (const [text, [x, y, w, h]] of labels) {
    assert(x >= tx && x + w <= tx + tw + 0.5 && y >= ty + th * 0.25 && y + h <= ty + th, `${what}: '${text}' inside the strip's chapter row: ${[x, y, w, h]} in ${s.timeline}`);
    assert(w > 4, `${what}: '${text}' drawn with some width`);
  }
  const sorted = labels.map((l) => l[1]).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++)
    assert(sorted[i - 1][0] + sorted[i - 1][2] <= sorted[i][0], `${what}: chapter titles do not overlap: ${JSON.stringify(sorted.slice(i - 1, i + 1))}`);
}

const labelOf = (s, title) => s.chapterLabels.find((l) => l[0] === title);
// The canvas' top left on the page: the state's rects are in canvas pixels.
const canvasAt = (page) => page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });

export const tests = [
  {
    name: 'manifest chapters: a row of their own beside the topics, titles outside ASCII on the first frame, a long title cut, a click reads from the chapter\'s start, deep links work (protects chapter click, labels and glyphs)',
    fn: async ({ browser }) => {
      const packed = packWithChapters(CHAPTERS);
      assertEq(packed.stderr.trim(), '', 'chapters in order within the episode: no warning');
      const page = await openBundle(browser, packed.bytes);
      let s = await page.evaluate(() => window.explorer.state());
      // alongside, not instead: the topics are still there
      assert(s.topicStarts.length >= 3, 'computed topics are still drawn: ' + s.topicStarts.length);
      // the transcript is ASCII; the chapter title is not: its letters are in the first frame's atlas
      const first = await page.evaluate(() => window.__tx.firstDrawnState);
      assertEq(first.fontAtlasAllGlyphs, true, 'a chapter title outside ASCII makes the first frame use the full atlas');
      await page.waitForFunction(() => window.explorer.state().fontAtlasAllGlyphs === true, null, { timeout: 10000 });
      s = await page.evaluate(() => window.explorer.state());
      assertEq(s.missingGlyphs, 0, 'no character of the page without a glyph');
      checkLabels(s, '1280 px');
      for (const [, t] of CHAPTERS) assert(labelOf(s, t), `chapter '${t}' has its title drawn: ${JSON.stringify(s.chapterLabels.map((l) => l[0]))}`);
      const long = labelOf(s, LONG);
      const next = labelOf(s, 'Open source');
      assert(long[1][0] + long[1][2] < next[1][0], 'the long title is cut before the next chapter');
      saveShot('chapters-1280', await page.screenshot());
      // hover a chapter: its title and start; a click reads from the chapter's start, not from the
      // time under the mouse
      const [gx, gy, gw, gh] = labelOf(s, GREEK)[1];
      const c = await canvasAt(page);
      await page.mouse.move(c.x + gx + gw * 0.8, c.y + gy + gh / 2);  // in the chapter, a minute or so after its start
      await page.waitForTimeout(300);
      saveShot('chapters-hover', await page.screenshot());
      await page.mouse.down();
      await page.mouse.up();
      s = await waitState(page, `s => s.timeMs === ${(12 * 60 + 30) * 1000}`, 5000).catch(async () => page.evaluate(() => window.explorer.state()));
      assertEq(s.timeMs, (12 * 60 + 30) * 1000, 'a click on a chapter reads from its start');
      await page.waitForFunction(() => /t=750\b/.test(location.hash), null, { timeout: 20000 }).catch(() => {});
      assert(/t=750\b/.test(await page.evaluate(() => location.hash)), 'the deep link carries the chapter\'s time: ' + await page.evaluate(() => location.hash));
      // a deep link into the episode still lands where it says, chapters drawn
      await page.goto(page.site.url + '?bundle=ch.txb#t=1:30:00');
      s = await waitState(page, 's => s.ready && s.chapterLabels.length > 0');
      s = await waitState(page, 's => s.timeMs > 0', 5000);
      assertEq(s.timeMs, 5400000, '#t=1:30:00 is followed with chapters in the bundle');
      await close(page);
    },
  },
  {
    name: 'Topics tab lists the chapters before the topics: Tab reaches the list at the chapter being read, ↓ and Enter read from the next chapter\'s start, and the focus names it (protects finding chapters without the mouse)',
    fn: async ({ browser }) => {
      const page = await openBundle(browser, packWithChapters(CHAPTERS).bytes, { hash: '#t=13:00' });
      await waitState(page, 's => s.timeMs === 780000');
      let s = await tabTo(page, 'tabs');
      await pressKey(page, 'ArrowRight');
      s = await pressKey(page, 'Tab');
      assertEq(s.focus, 'list', 'Tab from the Topics tab reaches its list');
      assertEq(s.topicCursor, 1, 'the cursor starts at the chapter being read (the 2nd: 12:30)');
      assert(s.a11y.focus.startsWith('Chapter: ' + GREEK + ', 12:30, chapter 2 of 5'), 'the focus names the chapter: ' + s.a11y.focus);
      saveShot('chapters-topics-tab', await page.screenshot());
      await pressKey(page, 'ArrowDown');
      s = await pressKey(page, 'Enter');
      assertEq(s.timeMs, 25 * 60 * 1000, 'Enter on the 3rd chapter reads from its start');
      // past the chapters, the topics: the first topic row follows the last chapter
      for (let i = 0; i < 3; i++) s = await pressKey(page, 'ArrowDown');
      assertEq(s.topicCursor, 5, 'the row after the 5 chapters is the first topic');
      s = await pressKey(page, 'Enter');
      assertEq(s.timeMs, s.topicStarts[0], 'Enter on it reads from the first topic');
      await close(page);
    },
  },
  {
    name: 'phone width (390 px) and 60 chapters: every title drawn stays in its chapter and the strip, none overlap, long titles cut (protects readable chapter rows)',
    fn: async ({ browser }) => {
      const page = await openBundle(browser, packWithChapters(CHAPTERS).bytes, { width: 390, height: 844 });
      let s = await page.evaluate(() => window.explorer.state());
      checkLabels(s, '390 px, 5 chapters');
      assert(labelOf(s, LONG), 'the long title is drawn (cut) on a phone too');
      saveShot('chapters-390', await page.screenshot());
      // the Topics tab on a phone: the chapters first, the long title cut to the width
      const c = await canvasAt(page);
      const [bx, by, bw, bh] = s.tabs.Topics;
      await page.mouse.click(c.x + bx + bw / 2, c.y + by + bh / 2);
      s = await settle(page, `s => s.narrowTab === "Topics" && s.ellipsized.includes(${JSON.stringify(LONG)})`);
      assertEq(s.narrowTab, 'Topics', 'the Topics tab is open');
      assert(s.ellipsized.includes(LONG), 'the long chapter title is cut in the list: ' + JSON.stringify(s.ellipsized));
      saveShot('chapters-390-topics-tab', await page.screenshot());
      await close(page);

      const many = Array.from({ length: 60 }, (_, i) => [i * 180, i % 7 === 3 ? `Part ${i + 1}: ${GREEK} and a longer title` : `Part ${i + 1}`]);
      const packed = packWithChapters(many);
      assertEq(packed.stderr.trim(), '', '60 chapters within 3 h: no warning');
      for (const width of [1280, 390]) {
        const p = await openBundle(browser, packed.bytes, { width, height: width > 400 ? 800 : 844 });
        s = await p.evaluate(() => window.explorer.state());
        checkLabels(s, `${width} px, 60 chapters`);
        saveShot(`chapters-60-${width}`, await p.screenshot());
        // zoomed in (wheel over the strip), the titles get room and are still kept apart
        const [tx, ty, tw, th] = s.timeline;
        const c = await canvasAt(p);
        const before = s.chapterLabels.length;
        for (let i = 0; i < 12; i++) { await p.mouse.move(c.x + tx + tw * 0.3, c.y + ty + th * 0.5); await p.mouse.wheel(0, -100); await p.waitForTimeout(80); }
        await p.waitForTimeout(300);
        s = await p.evaluate(() => window.explorer.state());
        checkLabels(s, `${width} px, 60 chapters zoomed`);
        saveShot(`chapters-60-${width}-zoomed`, await p.screenshot());
        assert(s.chapterLabels.length >= 3 && s.chapterLabels.length > before,
          `zoomed in, more chapters have their titles: ${before} -> ${s.chapterLabels.length}`);
        await close(p);
      }
    },
  },
  {
    name: 'chapters with bad times: past the end, out of order and at the same time are warned about by pack and drawn in time order, a negative time is an error naming the line (protects the pack warnings and the page with such bundles)',
    fn: async ({ browser }) => {
      const bad = [[0, 'Start'], [60 * 60, 'Late'], [30 * 60, 'Early'], [30 * 60, 'Same time'], [5 * 3600, 'After the end']];
      const packed = packWithChapters(bad);
      assertEq(packed.status, 0, 'pack succeeds with warnings: ' + packed.stderr);
      for (const w of [
        "chapter 3 'Early' at 0:30:00 is listed after chapter 2 'Late' at 1:00:00; chapters are put in time order",
        "chapter 4 'Same time' starts at the same time as chapter 3 'Early' (0:30:00)",
        "chapter 5 'After the end' at 5:00:00 starts after the episode ends"])
        assert(packed.stderr.includes(w), `pack warns "${w}": ${packed.stderr}`);
      const page = await openBundle(browser, packed.bytes);
      const s = await page.evaluate(() => window.explorer.state());
      checkLabels(s, 'bad times');
      const drawn = s.chapterLabels.slice().sort((a, b) => a[1][0] - b[1][0]).map((l) => l[0]);
      // in time order; of two chapters at one time the one written later has the room, and the one
      // after the episode's end is off the strip
      assertEq(JSON.stringify(drawn), JSON.stringify(['Start', 'Same time', 'Late']), 'titles in time order');
      saveShot('chapters-bad-times', await page.screenshot());
      await close(page);

      const neg = packWithChapters([[0, 'Start'], ['-1:00', 'Negative']]);
      assertEq(neg.status, 1, 'a negative time: pack fails');
      assert(/line 2: chapter 2: expected a time like 1:02:03 or 12:30 before the title, got '-1:00 Negative'/.test(neg.stderr), 'the error names line and chapter: ' + neg.stderr);
    },
  },
];
