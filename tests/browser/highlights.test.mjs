// Match marks in the reader and in the result snippets cover what matched: one speaker's words
// under speaker:, a word without the lone symbol shown with it ("rock & roll"), and in Chinese /
// Japanese the characters found, not the whole run without spaces. Counted from the pixels: the
// marks of the light theme's hit colour, per text line, in the reader and in the results pane.
import { dropTextFiles, waitState, saveShot, regionPixels, assert, assertEq } from './harness.mjs';

// Marks of colour `rgb` (±12 per channel) in `region` of a screenshot, per line of text.
// @return [{ y, runs: [[x0, x1], ...] }] per line.
async function marks(page, png, region, rgb = [255, 221, 110]) {
  const { data: d } = await regionPixels(page, png, region);
  const hit = (x, y) => { const i = (y * region.w + x) * 4; return Math.abs(d[i] - rgb[0]) <= 12 && Math.abs(d[i + 1] - rgb[1]) <= 12 && Math.abs(d[i + 2] - rgb[2]) <= 12; };
  // bands of rows holding the colour (a line of marks; glyphs may leave a row or two without it),
  // then the runs of columns holding it in the band: glyphs cover a mark's middle rows, not all
  const rowHas = [];
  for (let y = 0; y < region.h; ++y) { let any = false; for (let x = 0; x < region.w && !any; ++x) any = hit(x, y); rowHas.push(any); }
  const lines = [];
  for (let y = 0; y < region.h;) {
    if (!rowHas[y]) { ++y; continue; }
    let e = y + 1;
    while (e < region.h && rowHas.slice(e, e + 3).some(Boolean)) ++e;
    if (e - y >= 8) {  // a mark is a line of text high
      const col = (x) => { for (let yy = y; yy < e; ++yy) if (hit(x, yy)) return true; return false; };
      const runs = [];
      for (let x = 0; x < region.w; ++x) {
        if (!col(x)) continue;
        const x0 = x;
        while (x + 1 < region.w && col(x + 1)) ++x;
        if (x - x0 >= 3) runs.push([region.x + x0, region.x + x]);
      }
      lines.push({ y: region.y + y, runs });
    }
    y = e;
  }
  return lines;
}

// Query `q` and @return the marks in the results pane and the reader (the wide layout: results left
// of x = 440, the reader right of it).
async function marksFor(page, q, shot) {
  await page.evaluate((query) => window.explorer.setQuery(query), q);
  await waitState(page, `s => s.query === ${JSON.stringify(q)}`);
  await page.waitForTimeout(400);
  const png = await page.screenshot();
  saveShot(shot, png);
  // the snippets' marks are a deeper yellow than the reader's
  return { results: await marks(page, png, { x: 0, y: 225, w: 440, h: 300 }, [255, 214, 90]),
           reader: await marks(page, png, { x: 450, y: 220, w: 830, h: 300 }) };
}
const count = (lines) => lines.reduce((n, l) => n + l.runs.length, 0);

export const tests = [
  {
    name: 'speaker: marks only that speaker\'s word in the snippet and the reader (protects speaker: highlights)',
    fn: async ({ browser, site }) => {
      const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lex>I love robots\n\n00:02.000 --> 00:04.000\n<v Mark>robots are great\n';
      const { page } = await dropTextFiles(browser, site, { 'talk.vtt': VTT });
      let m = await marksFor(page, 'robots', 'highlights-speaker-none');
      assertEq(count(m.results), 2, 'no filter: both "robots" in the snippet');
      assertEq(count(m.reader), 2, 'no filter: both in the reader');
      m = await marksFor(page, 'robots speaker:mark', 'highlights-speaker');
      assertEq(count(m.results), 1, 'speaker:mark: only Mark\'s "robots" in the snippet: ' + JSON.stringify(m.results));
      assertEq(count(m.reader), 1, 'speaker:mark: only Mark\'s in the reader: ' + JSON.stringify(m.reader));
      assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: '"rock roll" marks "rock" and "roll" apart, not "rock &" run on into "roll"; a CJK match marks its characters, not the whole run (protects the reader\'s marks)',
    fn: async ({ browser, site }) => {
      const TXT = 'Rock & roll forever.\n\n私は東京に住んでいます。東京タワーが好きです。\n';
      const { page } = await dropTextFiles(browser, site, { 'mix.txt': TXT });
      let m = await marksFor(page, 'rock roll', 'highlights-rock');
      assertEq(m.reader.length, 1, 'one line of marks');
      assertEq(m.reader[0].runs.length, 2, 'two marks, "&" between them unmarked: ' + JSON.stringify(m.reader));
      assertEq(count(m.results), 2, 'the snippet marks them apart too');
      m = await marksFor(page, '東京', 'highlights-cjk');
      assertEq(m.reader.length, 1, 'one line of marks');
      assertEq(m.reader[0].runs.length, 2, 'each "東京" of the run marked on its own: ' + JSON.stringify(m.reader));
      const [a, b] = m.reader[0].runs;
      assert(b[0] - a[1] > 3 * (a[1] - a[0]), `a mark is two characters, far narrower than the 8 characters between the two (${JSON.stringify(m.reader[0].runs)})`);
      assertEq(count(m.results), 2, 'the snippet marks the two "東京" only');
      assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
];
