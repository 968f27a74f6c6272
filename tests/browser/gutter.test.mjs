// The reader's gutter: each paragraph's time and, under it, its speaker's name. A one-line
// paragraph drew its name below itself, level with the next paragraph's time, where it read as
// the next speaker's name; a long name ran on over the text. Checked where it is drawn (the
// state's readerParagraphs: each paragraph's box, where its text starts, its gutter's texts and
// boxes) on a wide screen, a phone, with larger and smaller text, and at a deep link's and a
// search's moment (the paragraphs are taller now: the reader must still land on the right line).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, openPage, waitState, saveShot, assert, assertEq, typeQuery } from './harness.mjs';

const SPEAKERS = ['Ada', 'Grace', 'Mark Zuckerberg', 'SPEAKER_00'];
const TURNS = 120;
const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const vttTime = (s) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
// Turn i: one short sentence at i*5 s by SPEAKERS[i % 4] (never the previous turn's speaker, so
// every turn is its own paragraph); turn 97 alone says "quokka".
const WORDS = ['compilers', 'gardens', 'parsers', 'weeding', 'spring', 'pruning'];
function vtt() {
  let s = 'WEBVTT\n\n';
  for (let i = 0; i < TURNS; i++)
    s += `${vttTime(i * 5)} --> ${vttTime(i * 5 + 4)}\n<v ${SPEAKERS[i % 4]}>Turn ${i} is about ${i === 97 ? 'quokka' : WORDS[i % WORDS.length]}.\n\n`;
  return s;
}

function pack() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-gutter-'));
  try {
    fs.writeFileSync(path.join(dir, 'turns.vtt'), vtt());
    execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-q', '-o', path.join(dir, 'g.txb'), path.join(dir, 'turns.vtt')]);
    return fs.readFileSync(path.join(dir, 'g.txb'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function open(browser, opts, query = '') {
  const site = await serve(path.join(ROOT, 'build-web/site'), '/', { 'g.txb': pack() });
  const page = await openPage(browser, site.url + '?bundle=g.txb' + query, opts);
  page.site = site;
  assertEq((await waitState(page)).error, null, 'no load error');
  return page;
}
async function close(page) {
  assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
  await page.context().close();
  page.site.close();
}

// The paragraphs drawn once they are laid out and still (two reads a frame apart agree).
async function paragraphs(page) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const s = await page.evaluate(() => window.explorer.state());
    const now = JSON.stringify(s.readerParagraphs);
    if (s.readerParagraphs.length > 3 && now === last) return s;
    last = now;
    await page.waitForTimeout(60);
  }
  throw new Error('the reader drew no still paragraphs: ' + last);
}

// Every drawn paragraph's gutter: its time first, then its own speaker's name (whole, or cut with
// "…" to a start of it), each row inside the paragraph's own height, above the next paragraph's
// top, and left of the text. @return the name's rows seen (as JSON), by speaker.
function checkGutter(s, what) {
  const paras = s.readerParagraphs;
  const names = {};
  for (let i = 0; i < paras.length; i++) {
    const { rect: [, y, , h], textX, gutter } = paras[i];
    const [time, ...rows] = gutter;
    const m = /^(\d+):(\d\d)$/.exec(time[0]);
    assert(m, `${what}: the gutter starts with the time: ${JSON.stringify(gutter)}`);
    const turn = (Number(m[1]) * 60 + Number(m[2])) / 5;
    const name = SPEAKERS[turn % 4];
    assert(rows.length >= 1, `${what}: ${time[0]} has its speaker's name: ${JSON.stringify(gutter)}`);
    const shown = rows.map((r) => r[0]).join(' ');
    assert(shown === name || (shown.endsWith('…') && name.startsWith(shown.slice(0, -1).trim())),
      `${what}: ${time[0]} names ${name}: shown ${JSON.stringify(shown)}`);
    (names[name] = names[name] || new Set()).add(JSON.stringify(rows.map((r) => r[0])));
    for (const [text, [gx, gy, gw, gh]] of gutter) {
      assert(gy >= y - 0.5 && gy + gh <= y + h + 0.5,
        `${what}: '${text}' (y ${gy.toFixed(1)}-${(gy + gh).toFixed(1)}) lies within its paragraph ${time[0]} (y ${y.toFixed(1)}-${(y + h).toFixed(1)})`);
      if (i + 1 < paras.length)
        assert(gy + gh <= paras[i + 1].rect[1], `${what}: '${text}' of ${time[0]} ends above the next paragraph (${paras[i + 1].gutter[0][0]}) at y ${paras[i + 1].rect[1].toFixed(1)}: ${(gy + gh).toFixed(1)}`);
      assert(gx + gw <= textX, `${what}: '${text}' of ${time[0]} ends left of the text at x ${textX.toFixed(1)}: ${(gx + gw).toFixed(1)}`);
    }
  }
  return names;
}

export const tests = [
  {
    name: 'a speaker\'s name sits in its own paragraph\'s gutter, under its time and above the next paragraph, left of the text, on a wide screen, a phone and at larger and smaller text (protects one-line turns: the name read as the next speaker\'s)',
    fn: async ({ browser }) => {
      let page = await open(browser, { width: 1280, height: 800 });
      let s = await paragraphs(page);
      let names = checkGutter(s, '1280');
      saveShot('gutter-1280', await page.screenshot());
      assertEq([...names['Mark Zuckerberg']].join('|'), '["Mark Zuckerberg"]', 'a wide reader has room for the whole name on one row');
      await page.keyboard.press('Control+Equal');
      await page.keyboard.press('Control+Equal');
      s = await paragraphs(page);
      checkGutter(s, '1280, A+ A+');
      saveShot('gutter-1280-larger', await page.screenshot());
      await close(page);

      page = await open(browser, { width: 390, height: 844, dpr: 2 });
      s = await paragraphs(page);
      assertEq(s.narrowTab, 'Transcript', 'a phone opens on the transcript');
      names = checkGutter(s, '390');
      saveShot('gutter-390', await page.screenshot());
      assertEq([...names['Mark Zuckerberg']].join('|'), '["Mark","Zuckerberg"]', 'on a phone the long name goes on to a second row, whole');
      assertEq([...names['SPEAKER_00']].join('|'), '["SPEAKER_00"]', 'and a long one-word name is whole (its number tells the speakers apart)');
      for (const keys of [['Control+Equal', 'Control+Equal'], ['Control+Minus', 'Control+Minus', 'Control+Minus', 'Control+Minus']]) {
        for (const k of keys) await page.keyboard.press(k);
        s = await paragraphs(page);
        checkGutter(s, '390, ' + keys.join(' '));
        saveShot('gutter-390-' + (keys[0].endsWith('Equal') ? 'larger' : 'smaller'), await page.screenshot());
      }
      await close(page);
    },
  },
  {
    name: 'with speakers\' gutters making paragraphs taller, a deep link\'s t= and a search step still bring their own paragraph into view (protects scroll positions that depend on paragraph heights)',
    fn: async ({ browser }) => {
      for (const [w, h, dpr] of [[1280, 800, 1], [390, 844, 2]]) {
        const page = await open(browser, { width: w, height: h, dpr }, '&t=' + 80 * 5);
        let s = await paragraphs(page);
        assertEq(s.timeMs, 80 * 5 * 1000, `${w}: the link's moment`);
        const at = (s, t) => s.readerParagraphs.find((p) => p.gutter[0][0] === clock(t));
        let p = at(s, 80 * 5);
        assert(p && p.rect[1] > 0 && p.rect[1] + p.rect[3] < h * 0.6, `${w}: turn 80 (${clock(400)}) is drawn in the upper part of the view: ${JSON.stringify(p && p.rect)}; drawn: ${s.readerParagraphs.map((q) => q.gutter[0][0])}`);
        saveShot(`gutter-deeplink-${w}`, await page.screenshot());
        if (!s.typing) await page.keyboard.press('Control+F');
        await typeQuery(page, 'quokka');
        await waitState(page, 's => s.query === "quokka" && s.totalHits === 1');
        await page.keyboard.press('Enter');
        s = await waitState(page, 's => s.timeMs >= 97 * 5000 && s.timeMs < 98 * 5000');
        s = await paragraphs(page);
        p = at(s, 97 * 5);
        assert(p && p.rect[1] > 0 && p.rect[1] + p.rect[3] < h * 0.6, `${w}: Enter brings turn 97 (${clock(485)}), the match, into the upper part of the view: ${JSON.stringify(p && p.rect)}`);
        await close(page);
      }
    },
  },
];
