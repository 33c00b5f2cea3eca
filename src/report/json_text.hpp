#pragma once
// Pretty-printed JSON written as it goes, byte for byte as nlohmann's dump(2, ' ', false,
// replace) writes the same values: an attempt's part of the JSON report was a tree of
// nlohmann values built and dumped for every attempt, more than half of what `grade --format
// json` cost (its allocations above all). Reports made before must read the same.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coach {

class JsonText {
 public:
  // Written into `out`, as nested `depth` levels deep (indented 2 × depth spaces).
  JsonText(std::string& out, int depth) : out_(out), depth_(depth) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // The name of the object's next member; its value follows. Names are the report's own
  // (`"reply"`, `"matched"`): letters and underscores, which JSON writes as they are.
  void key(std::string_view name) {
    element();
    out_ += '"';
    out_ += name;
    out_ += "\": ";
    after_key_ = true;
  }

  void string(std::string_view text) {
    element();
    out_ += '"';
    add_string_body(text);
    out_ += '"';
  }
  void boolean(bool value) {
    element();
    out_ += value ? "true" : "false";
  }
  template <typename Integer>
  void integer(Integer value) {
    element();
    fmt::format_to(std::back_inserter(out_), "{}", value);
  }
  // Floating point as nlohmann writes it (its own shortest round-trip digits: 40.0, 72.5).
  void number(double value) {
    element();
    out_ += nlohmann::ordered_json(value).dump();
  }
  void strings(const std::vector<std::string>& texts) {
    begin_array();
    for (const std::string& text : texts) string(text);
    end_array();
  }

  // Members in one call each: `"name": value`.
  void member(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  void member(std::string_view name, const char* text) { member(name, std::string_view(text)); }
  void member(std::string_view name, const std::string& text) {
    member(name, std::string_view(text));
  }
  void member(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }
  void member(std::string_view name, int value) {
    key(name);
    integer(value);
  }
  void member(std::string_view name, std::size_t value) {
    key(name);
    integer(value);
  }
  void member(std::string_view name, double value) {
    key(name);
    number(value);
  }

 private:
  // Before a value or a key: the comma and line break after the one before, and the indent,
  // unless the value follows its key.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) {
      indent(depth_);
      return;
    }
    out_ += open_.back() > 0 ? ",\n" : "\n";
    ++open_.back();
    indent(depth_ + static_cast<int>(open_.size()));
  }
  void open(char bracket) {
    element();
    out_ += bracket;
    open_.push_back(0);
  }
  // An empty object or array closes at once: `{}`, `[]`.
  void close(char bracket) {
    const int members = open_.back();
    open_.pop_back();
    if (members > 0) {
      out_ += '\n';
      indent(depth_ + static_cast<int>(open_.size()));
    }
    out_ += bracket;
  }
  void indent(int depth) { out_.append(2 * static_cast<std::size_t>(depth), ' '); }

  // Text nlohmann writes as it is (printable ASCII but `"` and `\`, well-formed characters of
  // three bytes) is copied; anything else is written by nlohmann itself: its escapes, and U+FFFD
  // for bytes that are not UTF-8.
  void add_string_body(std::string_view text) {
    if (copied_as_is(text)) {
      out_ += text;
      return;
    }
    const std::string quoted =
        nlohmann::ordered_json(std::string(text))
            .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out_.append(quoted, 1, quoted.size() - 2);
  }
  static bool copied_as_is(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t at = 0; at < text.size();) {
      const unsigned char lead = byte(at);
      if (lead < 0x80) {
        if (lead < 0x20 || lead == '"' || lead == '\\') return false;
        ++at;
        continue;
      }
      // E0 and ED have narrower second bytes (no overlong form, no surrogate): left to nlohmann.
      const bool plain_lead = lead >= 0xE1 && lead <= 0xEF && lead != 0xED;
      if (!plain_lead || at + 2 >= text.size() || (byte(at + 1) & 0xC0) != 0x80 ||
          (byte(at + 2) & 0xC0) != 0x80)
        return false;
      at += 3;
    }
    return true;
  }

  std::string& out_;
  int depth_;
  std::vector<int> open_;  // members or elements written so far, per open object or array
  bool after_key_ = false;
};

}  // namespace coach
