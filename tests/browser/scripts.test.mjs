// Transcripts in other scripts are drawn with their letters: the UI font keeps Inter's Greek,
// Cyrillic, Latin Extended-B and Vietnamese letters, and the full atlas rasterises the ones the
// loaded text (and a typed query) uses. Chinese, Japanese and Korean have no glyphs: a box.
import fs from 'node:fs';
import { dropTextFiles, waitState, pixelStats, saveShot, assert, assertEq } from './harness.mjs';

const RU = 'Ёжик в тумане шёл к медвежонку считать звёзды.\n\n' +
  'Україна: їжак і ґанок. Română: știință și țară.\n';
const VI = 'Tiếng Việt có dấu: người ta nói rằng đường dài mới biết ngựa hay.\n\n' +
  'Ở đây chúng tôi học tiếng Việt mỗi ngày.\n';
const EL = 'Η γλώσσα μου έδωσαν ελληνική, το σπίτι φτωχικό στις αμμουδιές του Ομήρου.\n';

// What the page reports: missingGlyphs counts the distinct characters of the loaded text and
// query that the (full) atlas cannot draw.
const full = (s) => s.fontAtlasAllGlyphs && typeof s.missingGlyphs === 'number';

export const tests = [
  {
    name: 'dropped Russian, Ukrainian, Romanian, Vietnamese and Greek transcripts are drawn with their letters, not "?"; a typed query in another script rebuilds the atlas; CJK counts as missing (protects the font subset and build_fonts\' content glyphs)',
    async fn({ browser, site }) {
      const { page, dir } = await dropTextFiles(browser, site, { 'ru.txt': RU, 'vi.txt': VI });
      try {
        // the state scans the model's text when asked, so a frame that has not rebuilt the atlas yet
        // reports the new characters missing: wait for the rebuild, then check
        const settled = (pg, missing) => waitState(pg, (st) => st.ready && full(st) && st.missingGlyphs === missing, 5000)
          .catch(() => pg.evaluate(() => window.explorer.state()));
        let s = await settled(page, 0);
        assertEq(s.missingGlyphs, 0, 'every Cyrillic, Romanian and Vietnamese letter of the text is in the atlas');
        const png = await page.screenshot();
        saveShot('scripts-ru-vi', png);
        assert((await pixelStats(page, png)).inkPixels > 2000, 'the reader and results are drawn');
        // Greek only in the query, pasted into the search box: the next frame rebuilds the atlas
        // with its letters (headless Chromium types only keyboard characters into the canvas)
        const [x, y, w, h] = s.searchBox;
        const c = await page.locator('canvas').boundingBox();
        await page.mouse.click(c.x + x + w / 2, c.y + y + h / 2);
        await waitState(page, 's => s.typing');
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
        const paste = async (q, missing) => {
          await page.keyboard.press('Control+A');
          await page.evaluate((t) => navigator.clipboard.writeText(t), q);
          await page.keyboard.press('Control+V');
          return waitState(page, (st) => st.query === q && full(st) && st.missingGlyphs === missing, 5000).catch(() => page.evaluate(() => window.explorer.state()));
        };
        s = await paste('ελληνική', 0);
        assertEq(s.query, 'ελληνική', 'the Greek query is pasted');
        assertEq(s.missingGlyphs, 0, 'the Greek letters of the query are in the atlas');
        saveShot('scripts-greek-query', await page.screenshot());
        // Chinese: Inter has none, so they stay missing (drawn as a box)
        s = await paste('刺猬', 2);
        assertEq(s.missingGlyphs, 2, 'the two Chinese characters are missing, nothing else');
        saveShot('scripts-cjk-query', await page.screenshot());
      } finally {
        await page.context().close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const el = await dropTextFiles(browser, site, { 'el-vi.txt': EL + '\n' + VI });
      try {
        const s = await waitState(el.page, (st) => st.ready && full(st) && st.missingGlyphs === 0, 5000)
          .catch(() => el.page.evaluate(() => window.explorer.state()));
        assertEq(s.missingGlyphs, 0, 'every Greek and Vietnamese letter of the text is in the atlas');
        saveShot('scripts-greek-vietnamese', await el.page.screenshot());
      } finally {
        await el.page.context().close();
        fs.rmSync(el.dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a speaker name and a title in other scripts, over ASCII text, get their letters too (protects the one list of drawn strings the atlas reads: the speakers and titles are in no episode text)',
    async fn({ browser, site }) {
      // the title is the file name; the speakers come from <v> tags, which are not in the text; one
      // Chinese character in each: with both read, exactly those two are missing, the Greek none
      const vtt = 'WEBVTT\n\n00:00.000 --> 00:03.000\n<v Ζωή 刺>Hello there, this is plain text.\n\n' +
        '00:03.000 --> 00:06.000\n<v Bob>And this is more plain text.\n';
      const { page, dir } = await dropTextFiles(browser, site, { 'Αθήνα 猬.vtt': vtt });
      try {
        const s = await waitState(page, (st) => st.ready && full(st) && st.missingGlyphs === 2, 5000)
          .catch(() => page.evaluate(() => window.explorer.state()));
        assert(s.fontAtlasAllGlyphs, 'the full atlas');
        assertEq(s.missingGlyphs, 2, 'the speaker\'s and the title\'s Chinese character are met, and their Greek letters drawn');
        saveShot('scripts-speaker-title', await page.screenshot());
      } finally {
        await page.context().close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
