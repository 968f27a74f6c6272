// Transcripts in other scripts are drawn with their letters: the UI font keeps Inter's Greek,
// Cyrillic, Latin Extended-B and Vietnamese letters, and the full atlas rasterises the ones the
// loaded text (and a typed query) uses. Chinese, Japanese and Korean come from the browser's fonts
// (the test machine has fonts-wqy-microhei, setup.sh); a character no font has is a box.
import fs from 'node:fs';
import { dropTextFiles, waitState, pixelStats, regionPixels, saveShot, assert, assertEq } from './harness.mjs';

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
    name: 'dropped Russian, Ukrainian, Romanian, Vietnamese and Greek transcripts are drawn with their letters, not "?"; a typed query in another script rebuilds the atlas, Chinese included (protects the font subset and build_fonts\' content glyphs)',
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
        // Chinese: Inter has none; the rebuilt atlas takes them from the browser's fonts
        s = await paste('刺猬', 0);
        assertEq(s.missingGlyphs, 0, 'the two Chinese characters of the query are in the atlas');
        assertEq(s.browserGlyphs, 2, 'drawn by the browser');
        // one more: the rebuild has the browser draw only it, and keeps the two it drew
        s = await paste('刺猬鼠', 0);
        assertEq(s.browserGlyphs, 3, 'the third character is in the atlas too');
        assertEq(s.browserGlyphsDrawn, 1, 'only the new character was drawn again (protects BrowserGlyphs\' cache)');
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
      // Chinese character in each: with both read, exactly those two come from the browser
      const vtt = 'WEBVTT\n\n00:00.000 --> 00:03.000\n<v Ζωή 刺>Hello there, this is plain text.\n\n' +
        '00:03.000 --> 00:06.000\n<v Bob>And this is more plain text.\n';
      const { page, dir } = await dropTextFiles(browser, site, { 'Αθήνα 猬.vtt': vtt });
      try {
        const s = await waitState(page, (st) => st.ready && full(st) && st.browserGlyphs === 2, 5000)
          .catch(() => page.evaluate(() => window.explorer.state()));
        assert(s.fontAtlasAllGlyphs, 'the full atlas');
        assertEq(s.browserGlyphs, 2, 'the speaker\'s and the title\'s Chinese character are met');
        assertEq(s.missingGlyphs, 0, 'and drawn, and their Greek letters too');
        saveShot('scripts-speaker-title', await page.screenshot());
      } finally {
        await page.context().close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'Chinese, Japanese and Korean are drawn with the browser\'s fonts, each character its own shape; one no font has is still a box (protects BrowserGlyphs)',
    async fn({ browser, site }) {
      // The reader's pixels of one transcript, dropped as cjk.txt (the same title every time).
      // Before the browser's glyphs every CJK character was the same box, so any two texts that
      // differ only in their CJK characters were drawn alike.
      const reader = { x: 450, y: 200, w: 830, h: 200 };
      const draw = async (text, shot) => {
        const { page, dir } = await dropTextFiles(browser, site, { 'cjk.txt': text });
        try {
          const s = await waitState(page, (st) => st.ready && full(st) && st.fontAtlasMs > 0, 5000);
          await page.waitForTimeout(300);
          const png = await page.screenshot();
          saveShot(shot, png);
          assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
          return { s: await page.evaluate(() => window.explorer.state()), px: (await regionPixels(page, png, reader)).data,
                   ink: (await pixelStats(page, png, reader)).inkPixels };
        } finally {
          await page.context().close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      const differ = (a, b) => { let n = 0; for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) ++n; return n; };
      const line = (cjk) => `Plain words ${cjk} and more plain words.\n`;
      // 山川 / 水火: two Han characters each; ひら / カタ: kana; 한국 / 서울: Hangul syllables
      const a = await draw(line('山川 ひら 한국。'), 'scripts-cjk-a');
      const b = await draw(line('水火 カタ 서울。'), 'scripts-cjk-b');
      assertEq(a.s.missingGlyphs, 0, 'every Han, kana, Hangul character and the ideographic full stop is in the atlas');
      assertEq(a.s.browserGlyphs, 7, 'all seven from the browser\'s fonts');
      assert(differ(a.px, b.px) > 200, `other characters, other pixels (${differ(a.px, b.px)} differ)`);
      console.log(`    atlas with ${a.s.browserGlyphs} browser glyphs: fontAtlasMs ${a.s.fontAtlasMs.toFixed(1)}, of it browserGlyphsMs ${a.s.browserGlyphsMs.toFixed(1)}`);
      // U+9FEE, U+9FEF (Unicode 11): Han that no font of the test machine has: boxes, alike, counted missing
      const c = await draw(line('\u9FEE'), 'scripts-cjk-nofont-a');
      const d = await draw(line('\u9FEF'), 'scripts-cjk-nofont-b');
      assertEq(c.s.missingGlyphs, 1, 'a Han character no font has is missing (drawn as the box)');
      assertEq(c.s.browserGlyphs, 0, 'and not taken from the browser (its no-font glyph, or nothing)');
      assertEq(differ(c.px, d.px), 0, 'two characters no font has are the same box');
      // not blank (a glyph taken from an empty drawing would be): more ink than a space there
      const e = await draw(line(' '), 'scripts-cjk-nofont-space');
      assert(c.ink - e.ink >= 20, `the box has ink (${c.ink} vs ${e.ink} ink pixels with a space)`);
    },
  },
  {
    name: 'a text of 3,500 distinct Han characters: the first 3,000 from the browser, the rest boxes counted missing, and the page still draws (protects kMaxBrowserGlyphs and the atlas width for them)',
    async fn({ browser, site }) {
      let text = '';
      for (let i = 0; i < 3500; ++i) text += String.fromCharCode(0x4E00 + i) + (i % 50 === 49 ? '\n\n' : '');
      const { page, dir } = await dropTextFiles(browser, site, { 'many.txt': text });
      try {
        const s = await waitState(page, (st) => st.ready && full(st) && st.browserGlyphs > 0, 20000);
        assertEq(s.browserGlyphs, 3000, 'the first 3,000 from the browser');
        assertEq(s.missingGlyphs, 500, 'the other 500 are boxes, counted missing');
        console.log(`    3,500 characters: fontAtlasMs ${s.fontAtlasMs.toFixed(1)}, of it browserGlyphsMs ${s.browserGlyphsMs.toFixed(1)}`);
        await page.waitForTimeout(300);
        const png = await page.screenshot();
        saveShot('scripts-cjk-many', png);
        assert((await pixelStats(page, png, { x: 450, y: 220, w: 830, h: 500 })).inkPixels > 20000, 'the reader is drawn, full of characters');
        assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
      } finally {
        await page.context().close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'Japanese text (kana, no Hangul) is drawn with Japanese fonts first, Korean (mostly Hangul) with Korean ones, Han alone with Chinese ones (protects cjk_lang: kanji took a Chinese font\'s forms)',
    async fn({ browser, site }) {
      const fonts = async (text, query) => {
        const { page, dir } = await dropTextFiles(browser, site, { 'cjk.txt': text });
        try {
          let s = await waitState(page, (st) => st.ready && full(st) && st.browserGlyphs > 0, 5000);
          if (query) {  // kana only in a query: the Han drawn in Chinese forms are drawn again, all of them
            assertEq(s.cjkFonts, 'zh', 'before the query');
            await page.evaluate((q) => window.explorer.setQuery(q), query);
            s = await waitState(page, (st) => st.cjkFonts === 'ja' && full(st), 5000).catch(() => page.evaluate(() => window.explorer.state()));
            assertEq(s.browserGlyphsDrawn, s.browserGlyphs, 'every character drawn again in the Japanese fonts, none kept');
          }
          assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
          return s.cjkFonts;
        } finally {
          await page.context().close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      assertEq(await fonts('今日は東京で会議がありました。\n'), 'ja', 'kanji with kana');
      assertEq(await fonts('오늘 서울에서 회의가 있었습니다 (會議).\n'), 'ko', 'Hangul with a little Han');
      assertEq(await fonts('今天在北京开会。\n'), 'zh', 'Han alone');
      assertEq(await fonts('今天在北京开会。\n', 'ひらがな'), 'ja', 'kana typed over Han');
    },
  },
];
