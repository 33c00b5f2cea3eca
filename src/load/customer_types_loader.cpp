#include "load/customer_types_loader.hpp"

#include <fmt/format.h>

#include "load/scenario_loader.hpp"
#include "load/yaml_reader.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

void read_type(YamlReader& reader, const std::string& name, const YamlNode& node, SourceMark mark,
               CustomerTypes& types) {
  if (!reader.expect_map(
          node,
          fmt::format(fmt::runtime(tr("客户类型 `{}`", "customer type `{}`")), utf8::quote(name)),
          {"source", "mood", "limit", "voice", "reacts_to"})) {
    return;
  }
  CustomerTypePreset preset;
  preset.file = reader.file();
  preset.mark = mark;
  preset.source = reader.text(node, "source", true).value_or("");
  preset.temper.start = reader.integer(node, "mood", 0, 100).value_or(50);
  preset.temper.limit = reader.integer(node, "limit", 1, 100).value_or(100);
  if (std::string problem = start_at_limit_problem(preset.temper.start, preset.temper.limit);
      !problem.empty()) {
    const YamlNode& mood = YamlReader::child(node, "mood");
    reader.error(mood.is_defined() ? mood : YamlReader::child(node, "limit"), std::move(problem));
  }
  preset.temper.voice = reader.text(node, "voice", false).value_or("");
  Reactions reactions = read_reactions(reader, YamlReader::child(node, "reacts_to"));
  preset.temper.reacts_to = std::move(reactions.changes);
  preset.reacts_to_concepts = std::move(reactions.concepts);
  if (auto existing = types.find(name); existing != types.end()) {
    reader.error(
        mark, fmt::format(fmt::runtime(tr("客户类型 `{}` 定义了两次(另一处在 "
                                          "{}:{});一个类型只能定义在一处:保留对的那处,删掉另一处",
                                          "customer type `{}` is defined twice (also at {}:{}); a "
                                          "type is defined in one place "
                                          "only: keep the right one and delete the other")),
                          utf8::quote(name), utf8::show_name(existing->second.file),
                          existing->second.mark.line));
    return;
  }
  types.emplace(name, std::move(preset));
}

}  // namespace

void parse_customer_types(const std::string& content, const std::string& file, CustomerTypes& types,
                          Diagnostics& diagnostics) {
  YamlReader reader(file, diagnostics);
  const auto root = reader.parse(content);
  if (!root || !reader.expect_map(*root, tr("客户类型文件", "a customer-types file"), {"types"}))
    return;
  const YamlNode& list = YamlReader::child(*root, "types");
  if (!list.is_defined()) {
    reader.missing_key(*root, "types");
    return;
  }
  if (!reader.expect_map(list, "`types`", {})) return;
  for (const YamlEntry& entry : list.entries()) {
    if (entry.key.is_scalar() &&
        reader.check_usable_name(entry.key, tr("客户类型", "customer type")))
      read_type(reader, entry.key.scalar(), entry.value, reader.mark(entry.key), types);
  }
}

void load_customer_types_file(const std::string& path, CustomerTypes& types,
                              Diagnostics& diagnostics) {
  parse_file(path, diagnostics, [&](const std::string& content) {
    parse_customer_types(content, path, types, diagnostics);
    return 0;
  });
}

const CustomerTypePreset* find_preset(const CustomerTypes& types, const std::string& type) {
  if (type.empty()) return nullptr;
  for (const std::string& name : {type, type + "型"}) {
    if (auto preset = types.find(name); preset != types.end()) return &preset->second;
  }
  return nullptr;
}

void resolve_temper(Customer& customer, const CustomerTypes& types) {
  if (const CustomerTypePreset* preset = find_preset(types, customer.type))
    customer.temper = preset->temper;
  if (customer.start_override) customer.temper.start = *customer.start_override;
  if (customer.limit_override) customer.temper.limit = *customer.limit_override;
  for (const auto& [concept_id, change] : customer.reacts_to_override)
    customer.temper.reacts_to[concept_id] = change;
}

}  // namespace coach
