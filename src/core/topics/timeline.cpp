#include "core/topics/topics.h"
namespace tx {
Result<TopicTimeline> build_timeline(const TopicDoc& doc, const TopicDesc& desc, const std::vector<Chapter>& chapters, uint32_t) {
    TopicTimeline t; t.chapters = chapters; t.word_count = (uint32_t)doc.size();
    auto b = segment_topics(doc, desc.segment);
    for (size_t i = 0; i <= b.size(); ++i) { TopicSegment s; s.start_word = i ? b[i-1] : 0; s.end_word = i < b.size() ? b[i] : t.word_count; t.segments.push_back(s);} 
    return t;
}
}
