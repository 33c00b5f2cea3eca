#pragma once
// What to say about old session transcripts the one-time import into the history could not
// read: without a word, a trainee's session vanishes from the history.
#include <string>
#include <vector>

#include "history/transcript_import.hpp"

namespace coach::cli {

// A warning naming each unread transcript with its first problem (at most ten, then how many
// more), and what to do; empty when every transcript was read.
std::string unread_transcripts_warning(const std::vector<history::UnreadTranscript>& unread);

}  // namespace coach::cli
