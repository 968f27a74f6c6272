// manifest.h: the `transcript pack` manifest, a tab-separated list of files with metadata.
//
//   # comment lines and blank lines are ignored
//   file<TAB>title<TAB>date<TAB>source_url<TAB>media_url<TAB>speakers<TAB>chapters   (header: any order, `file` required)
//   ep1.vtt<TAB>Max Tegmark: Life 3.0<TAB>2018-04-19<TAB>https://…<TAB>https://….mp3<TAB>Lex Fridman;Max Tegmark<TAB>0:00 Introduction;1:05:30 AI safety
//
// Paths are relative to the manifest's folder. Empty fields leave the importer's value.
// date: YYYY-MM-DD (or YYYY-MM, YYYY). speakers: names separated by ';'. chapters: entries separated by ';', each "[h:]mm:ss[.mmm] Title".
// Fields cannot contain tabs or newlines. See docs/bundle-format.md ("Manifest").
#pragma once
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

struct ManifestEntry {
    std::string file;       // as written (relative to the manifest's folder unless absolute)
    size_t line = 0;        // 1-based line in the manifest, for messages
    EpisodeMeta meta;       // fields the manifest sets (empty = not set)
    bool has_chapters = false;
};

// @return the entries, or Errc::Malformed naming the line ("line 3: chapter 2: expected a time
//         like 1:02:03 before the title").
Result<std::vector<ManifestEntry>> parse_manifest(std::string_view text);

// What is wrong with the chapter times of `entry`, for an episode of `duration_ms` (0: unknown).
// @return one message per problem, chapters numbered as written: one starting after the episode
// ends (a wrong time, or the manifest line naming the wrong file: "chapter 3 'Outro' at 2:10:00
// starts after the episode ends (1:58:12)"; not checked when duration_ms is 0), one written
// before an earlier time ("chapter 3 'B' at 0:05:00 is listed after chapter 2 'A' at 0:10:00;
// chapters are put in time order"), one at the time of the chapter before it ("chapter 3 'B'
// starts at the same time as chapter 2 'A' (0:10:00)"); none when the times are fine.
std::vector<std::string> chapter_problems(const ManifestEntry& entry, uint32_t duration_ms);
// The same for chapters from anywhere (a chapters file: import_chapters), as written.
std::vector<std::string> chapter_problems(const std::vector<Chapter>& chapters, uint32_t duration_ms);

// Overlay the manifest's non-empty fields on an imported episode's metadata. Chapters are put in
// time order (set_chapters).
void apply_manifest(const ManifestEntry& entry, EpisodeMeta& meta);

// Give the episode `chapters`, put in time order (stable: chapters at one time keep their order):
// the timeline draws each one up to the next; chapter_problems says so.
void set_chapters(std::vector<Chapter> chapters, EpisodeMeta& meta);

}  // namespace tx
