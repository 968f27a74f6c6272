// import.h: transcript importers producing an Episode. Formats:
//   - plain text: times estimated from a speaking rate (meta.times_estimated set), except text
//     with time marks, which keeps real times: YouTube's copied "0:03" lines, Otter's
//     "Speaker 1  0:00" and Rev / Descript / Trint's "Alice Smith (00:00:01):" headings,
//     "[00:00:01] Alice: text" notes. "Name: text" turns (with or without marks; also "[Name]: text")
//     give speakers, and so does a name alone on the line above each paragraph (Otter without
//     timestamps); between two marks each "Name: text" line is a turn (Google Meet).
//   - WebVTT, SRT (cue text stripped of tags; "<v Name>" and "Name: " prefixes give speakers),
//     ASS / SSA ("[Events]" Dialogue lines: Start, End, Name as the speaker, Text)
//   - JSON: Whisper (openai-whisper, WhisperX, faster-whisper, OpenAI verbose_json, whisper.cpp;
//     a bare {"text": "..."}, OpenAI's default answer, is read as plain text), AssemblyAI (words[]
//     of "text" with times in ms, "utterances")
//     and Podcasting 2.0 ("podcast:transcript" application/json: segments of speaker, startTime,
//     endTime, body; word-level segments are joined into cues); speech-to-text services' answers:
//     Deepgram (utterances, else paragraphs' sentences, else words), Rev.ai (monologues of
//     elements), AWS Transcribe (audio_segments, else items; times as strings) and Google Cloud
//     Speech-to-Text (a cue per result; "1.5s" durations), Speechmatics (typed word and punctuation
//     "results", as AWS's items), Azure Speech (a cue per "recognizedPhrases" entry); YouTube's
//     json3 captions ("events" of
//     "tStartMs", "segs"). The structure decides which. A
//     Podcasting 2.0 chapters file ("chapters" of startTime, title) is refused, saying what it is.
//   - HTML: the podcast namespace's text/html (<cite>Name:</cite> <time>0:00</time> <p>text</p>)
//     or a saved web page: scripts, styles and tags are dropped, character references decoded,
//     paragraphs kept, and the text read as plain text (marks and turns as above).
//   - TTML / DFXP (XML opening with "<?xml" or "<tt", read through Format::HTML): each <p> with a
//     begin, end or dur (its own or an enclosing <body>/<div>'s) is a cue with those times (clock,
//     frame, tick and offset forms; Apple Podcasts' bare seconds and minutes:seconds); ttm:agent /
//     ttm:role give speakers. Without a timed <p>, the XML's text is read as HTML's, with a warning.
//   - A ZIP (Word .docx) or PDF is refused, saying to save it as text.
//
// Every importer validates its input and returns Errc::Malformed with a message naming the line
// ("line 12: expected a timestamp like 00:01:02.500 --> 00:01:04.000") instead of crashing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

// Default speaking rate for plain text without timestamps: 164 words per minute.
// Measured on the 293 Lexicap Whisper WebVTT files (../shared/data/lexicap/, 2026-11-27):
// 6,210,431 whitespace-separated cue words over 2,276,032 s of total duration (sum over files of
// the last cue's end time) = 163.7 words/min; counting only time inside cues gives 168.6.
// We use the whole-duration figure because plain text has no pauses marked either.
constexpr double kDefaultWordsPerMinute = 164.0;

// WhisperJSON and PodcastJSON both read either kind of JSON (the structure decides); they differ
// only in what detect_format reports.
enum class Format { Auto, PlainText, WebVTT, SRT, WhisperJSON, PodcastJSON, HTML, SSA };  // SSA: ASS / SSA subtitles
const char* format_name(Format f);

struct ImportDesc {
    Format format = Format::Auto;  // Auto: detect from `name`'s extension, then from the content
    std::string name;              // file name, used for detection, messages and the default title
    double words_per_minute = 0;   // plain text speaking rate; 0 = default measured on timed transcripts
    std::vector<std::string>* warnings = nullptr;  // when set, non-fatal notes are appended, each
                                                   // starting with `name` like errors ("x.srt: not
                                                   // valid UTF-8; read as Windows-1252")
};

// `msg` without the "NAME: " that import_transcript's and import_chapters' messages (and
// warnings) start with when `name` (ImportDesc::name) is set, for a list that names the file
// itself (`transcript pack`'s "PATH: ...", the page's list of files not opened). A message that
// does not start with it (`name` later in the text only, or an empty `name`) is returned as is.
std::string without_file_name(std::string msg, std::string_view name);

// Detect the format from a file name and the first bytes of its content: .vtt, .srt, .json
// (Whisper, or Podcasting 2.0 when "startTime" appears), .html/.htm; other names (.txt too) by
// content: WebVTT, SRT, JSON, HTML (opening with a tag such as <html>, <p>, <cite>), else text.
Format detect_format(std::string_view name, Bytes head);

// The transcript extensions `transcript pack` / `site` take from a folder (any case), the one list:
// the page's file picker (ACCEPT in web/explorer-loader.js, plus .txb) and the tools' help texts
// name the same (tests/tools/search_cli_test.sh checks both). .sbv is YouTube Studio's captions,
// .ass/.ssa Advanced SubStation subtitles, .json3 YouTube's timed text (yt-dlp --sub-format json3);
// .xml is left out, as a folder's other XML, an RSS feed, is no transcript.
inline constexpr std::string_view kTranscriptExtensions[] = {
    ".txt", ".vtt", ".srt", ".sbv", ".ass", ".ssa", ".json", ".json3", ".html", ".htm", ".ttml", ".dfxp"};

// True for a name ending in one of kTranscriptExtensions (any case).
bool is_transcript_file_name(std::string_view name);

// UTF-16 input (a BOM, or ASCII text's zero bytes: Notepad's "Unicode") is read as such.
// Input that is not valid UTF-8 but reads as Windows-1252 text (smart quotes 0x93/0x94, "caf\xE9";
// no control or undefined bytes, high bytes mostly alone and at least one where such text has
// them) is transcoded to UTF-8 with a warning. Other invalid UTF-8 is refused, naming the line.
// @return the episode (with at least one word), or Errc::Malformed / TooLarge with a message
// naming the line; an empty file, or one without a word, is Malformed ("the file is empty", "no
// words in this transcript (read as srt)").
Result<Episode> import_transcript(Bytes data, const ImportDesc& desc = {});

// ---- Chapters files ----
// A creator's chapter marks, given beside a transcript `X.vtt` (or any transcript extension) in
// the same folder: a WebVTT chapters track (<track kind="chapters">, a cue per chapter, its text
// the title) named `X.chapters.vtt`, or Podcasting 2.0 chapters JSON ({"version": "1.2.0",
// "chapters": [{"startTime": 0, "title": "Intro"}, ...]}) named `X.chapters.json` or `X.json`.
// `transcript pack` attaches them to the transcript (docs/publish.md).

constexpr size_t kMaxChapters = 10000;           // more chapters in one file are refused (TooLarge)
constexpr size_t kMaxChapterTitleBytes = 1000;   // a longer title is refused: a transcript, not chapters


// The transcript stem a chapters file belongs to: "ep1.chapters.vtt" and "ep1.chapters.json" ->
// "ep1"; other names ("ep1.json") lose their last extension, as a transcript's stem does.
std::string chapters_stem(std::string_view name);

// Read a chapters file (WebVTT when its first line is "WEBVTT", else JSON), in file order (not
// sorted; times are not checked against an episode: see chapter_problems in writer/manifest.h).
// WebVTT: each cue's start time and text (markup removed) is a chapter. JSON: each chapter's
// "startTime" (seconds, may be fractional, or a string like "1:02:03.5") and "title"; a chapter
// with "toc": false is left out (Podcasting 2.0: not for the table of contents); "endTime", "img",
// "url" are not kept (a chapter runs to the next). Untitled chapters are left out with a warning.
// The file must be UTF-8 (a BOM is skipped): UTF-16 or Windows-1252 is refused, not converted as
// import_transcript converts it (which would change the page's import code; chapters tools write UTF-8).
// @return the chapters (at least one), or Errc::Malformed naming the line or cue ('line 4: chapter
// 2 has no "startTime"', "no chapters in this file", a title over kMaxChapterTitleBytes), or
// Errc::TooLarge (a file over 16 MiB, more than kMaxChapters chapters); messages start with
// desc.name as import_transcript's do.
Result<std::vector<Chapter>> import_chapters(Bytes data, const ImportDesc& desc = {});

// import_chapters for a file that is a chapters file, for the readers of mixed files (`transcript
// pack`, the page): the file `desc.name` with content `data` is one when the name ends in
// ".chapters.vtt" or ".chapters.json" (any case), or a .json name holds Podcasting 2.0 chapters
// (an object with a "chapters" array and no transcript field such as "segments"). A .vtt is a
// chapters track only by its name (content is no guide: captions and chapter titles look alike);
// any other .vtt is a transcript. Such a .json is parsed once, to decide and to read.
// @return std::nullopt when it is no chapters file (read it with import_transcript), else what
// import_chapters returns for it: the chapters, or the error naming the file and line.
std::optional<Result<std::vector<Chapter>>> import_if_chapters(Bytes data, const ImportDesc& desc);

}  // namespace tx
