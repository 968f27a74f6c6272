// Chapters files opened with their transcript (Open transcripts… / drop / openFiles): X.chapters.vtt,
// X.chapters.json or X.json holding Podcasting 2.0 chapters go to the transcript X.* opened in the
// same batch, as `transcript pack` attaches them (docs/publish.md step 3), and are drawn on its
// timeline; one without its transcript is listed with a message, never loaded as an episode.
import { openPage, waitState, saveShot, assert, assertEq } from './harness.mjs';
import { VTT } from './byo.test.mjs';  // talk.vtt there: 0:18 with speakers

// out of time order on purpose: the page puts chapters in time order, as pack does
const CHAPTERS_VTT = 'WEBVTT\n\n00:00:09.000 --> 00:00:18.000\nPruning\n\n00:00:00.000 --> 00:00:09.000\nWelcome\n';
const CHAPTERS_JSON = JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'Hello' }, { startTime: 10, title: 'Parsers' }] });

// Opens [name, text] files with openFiles; @return its result and the error list shown.
async function open(page, files) {
  return page.evaluate(async (fs) => {
    const res = await window.explorer.openFiles(fs.map(([n, t]) => new File([t], n)));
    const shown = Array.from(document.querySelectorAll('.tx-open-errors li')).map((li) => li.textContent);
    return { res, shown };
  }, files);
}
const titles = (s) => s.chapterLabels.map((l) => l[0]).join('|');

export const tests = [
  {
    name: 'chapters files opened with their transcript: ep.chapters.vtt and ep.json chapters go to ep.vtt\'s timeline, one without its transcript is listed, not an episode (protects tx_import_chapters)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url + 'index.html');
      assertEq((await waitState(page)).error, null, 'demo loaded');
      // the chapters file first: the batch is matched when all files are in
      let { res, shown } = await open(page, [['ep.chapters.vtt', CHAPTERS_VTT], ['ep.vtt', VTT]]);
      assertEq(res.episodes, 1, 'a transcript and its chapters: one episode');
      assertEq(res.errors.length, 0, 'no errors: ' + JSON.stringify(res.errors));
      let s = await waitState(page, 's => s.ready && s.episodes === 1 && s.chapterLabels.length === 2');
      assertEq(titles(s), 'Welcome|Pruning', 'the WebVTT chapters are drawn on the timeline, in time order');
      saveShot('byo-chapters-vtt', await page.screenshot());
      // Podcasting 2.0 chapters JSON named ep.json, and a chapters file whose transcript was not opened
      ({ res, shown } = await open(page, [['ep.vtt', VTT], ['ep.json', CHAPTERS_JSON], ['solo.chapters.vtt', CHAPTERS_VTT]]));
      assertEq(res.episodes, 1, 'the chapters files are not episodes');
      assertEq(JSON.stringify(res.errors), JSON.stringify([{ name: 'solo.chapters.vtt', message: 'chapters for solo, but no transcript solo.* was opened with it' }]), 'the lone chapters file is reported');
      assertEq(shown.length, 1, 'and listed on the page: ' + shown.join(' | '));
      assert(/^solo\.chapters\.vtt: chapters for solo, but no transcript solo\.\* was opened/.test(shown[0]), 'the message: ' + shown[0]);
      s = await waitState(page, 's => s.ready && s.episodes === 1 && s.chapterLabels.length === 2 && s.chapterLabels[0][0] === "Hello"');
      assertEq(titles(s), 'Hello|Parsers', 'the JSON chapters are drawn');
      // a chapters file alone loads nothing and keeps what was shown
      ({ res } = await open(page, [['ep.chapters.vtt', CHAPTERS_VTT]]));
      assertEq(res.episodes, 0, 'no episode from a chapters file alone');
      assertEq(res.errors.length, 1, 'it is reported');
      s = await waitState(page, 's => s.ready');
      assertEq(s.episodes, 1, 'what was shown stays');
      assertEq(titles(s), 'Hello|Parsers', 'with its chapters');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
];
