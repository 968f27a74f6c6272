// Bring your own speech-to-text output: a Deepgram .json, a Rev.ai .json and an AWS Transcribe job
// saved as .txt, dropped on the page, load in WASM (detected by their structure, not their names)
// with their speakers and are searched like the native core searches them.
import path from 'node:path';
import { dropTextFiles, episodeHitsFor, waitState, saveShot, assert, assertEq, cli } from './harness.mjs';

// Deepgram's pre-recorded answer with diarization and smart formatting: "Welcome to the garden."
// (speaker 0), "A garden needs water." (speaker 1).
const dgWord = (word, start, speaker, punct) => ({ word, start, end: start + 0.3, confidence: 0.99, punctuated_word: punct || word, speaker });
const DEEPGRAM = JSON.stringify({
  metadata: { request_id: 'b7e1', duration: 6.5, channels: 1, models: ['nova-2'] },
  results: { channels: [{ alternatives: [{
    transcript: 'welcome to the garden a garden needs water',
    confidence: 0.99,
    words: [dgWord('welcome', 0.2, 0, 'Welcome'), dgWord('to', 0.6, 0), dgWord('the', 0.9, 0), dgWord('garden', 1.2, 0, 'garden.'),
      dgWord('a', 3.0, 1, 'A'), dgWord('garden', 3.3, 1), dgWord('needs', 3.7, 1), dgWord('water', 4.1, 1, 'water.')],
  }] }] },
});
// Rev.ai's transcript JSON: Ada "The garden is green." then Grace "Green garden, yes."
const revText = (value, ts) => ({ type: 'text', value, ts, end_ts: ts + 0.3, confidence: 0.95 });
const punct = (value) => ({ type: 'punct', value });
const REV = JSON.stringify({ monologues: [
  { speaker: 0, speaker_name: 'Ada', elements: [revText('The', 0.5), punct(' '), revText('garden', 0.9), punct(' '), revText('is', 1.3),
    punct(' '), revText('green', 1.6), punct('.')] },
  { speaker: 1, speaker_name: 'Grace', elements: [revText('Green', 3.0), punct(' '), revText('garden', 3.4), punct(','), punct(' '),
    revText('yes', 3.9), punct('.')] },
] });
// An AWS Transcribe job (times as strings), saved with a .txt name: "Every garden grows."
const awsWord = (content, start) => ({ start_time: String(start), end_time: String(start + 0.4), alternatives: [{ confidence: '0.99', content }], type: 'pronunciation' });
const AWS = JSON.stringify({ jobName: 'garden-1', accountId: '123456789012', status: 'COMPLETED', results: {
  transcripts: [{ transcript: 'Every garden grows.' }],
  items: [awsWord('Every', 0.5), awsWord('garden', 1.0), awsWord('grows', 1.5), { alternatives: [{ confidence: '0.0', content: '.' }], type: 'punctuation' }],
} });

export const tests = [
  {
    name: 'dropping a Deepgram .json, a Rev.ai .json and an AWS Transcribe job saved as .txt: all three load with their speakers and search finds what the native core finds (protects the speech-to-text importers in WASM)',
    fn: async ({ browser, site }) => {
      const files = { 'deepgram.json': DEEPGRAM, 'rev.json': REV, 'aws-job.txt': AWS };
      const { page, dir } = await dropTextFiles(browser, site, files);
      await page.evaluate(() => window.explorer.setQuery('garden'));
      const s = await waitState(page, 's => s.query === "garden"');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(JSON.stringify(eps.map((e) => e.title)), '["deepgram","rev","aws-job"]', 'the three files are episodes');
      const names = Object.keys(files);
      for (let i = 0; i < 3; ++i) {
        const core = cli(['search', '--query', 'garden', '--json', '--limit', '1', path.join(dir, names[i])]).occurrences;
        assertEq(eps[i].hits, core, `hits in ${names[i]} equal the native core's`);
      }
      assertEq(JSON.stringify(eps.map((e) => e.hits)), '[2,2,1]', '"garden" twice in Deepgram\'s and Rev.ai\'s, once in AWS\'s');
      assertEq(JSON.stringify(eps.map((e) => e.words)), '[8,7,3]', 'every word once, punctuation tokens joined to their words');
      assertEq(s.totalHits, 5, 'five hits in all');
      // speakers: Rev.ai's speaker_name, Deepgram's numbered speakers
      assertEq(JSON.stringify(await episodeHitsFor(page, 'speaker:grace garden')), '[0,1,0]', 'Grace says "garden" once, in the Rev.ai file');
      assertEq(JSON.stringify(await episodeHitsFor(page, 'speaker:"speaker 1" garden')), '[1,0,0]', 'Deepgram\'s speaker 1 says "garden" once');
      await page.waitForTimeout(300);
      saveShot('byo-stt-json', await page.screenshot());
      assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
];
