// Hugging Face model folders: config.json (when it describes a model saved with weights beside
// it), tokenizer_config.json and the model or dataset card (README.md front matter). Each file
// emits the same folder-named model component, which the merge joins; the card adds datasets
// and base models with depends-on relations.
#include "formats/hf/hf_folder.h"

#include <algorithm>
#include <filesystem>

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/huggingface";
constexpr size_t kMaxListed = 4096;  // folder entries looked at when deciding
constexpr std::string_view kWeightSuffixes[] = {
    ".safetensors", ".bin", ".gguf", ".onnx", ".h5", ".msgpack", ".pt", ".pth", ".ckpt",
    ".safetensors.index.json", ".bin.index.json", ".keras", ".mlmodel", ".tflite"};

// True when weights sit beside the file. Only the names of one folder are listed, never read.
bool WeightsBeside(const source::SourceFile& file) {
  std::error_code ec;
  size_t seen = 0;
  for (std::filesystem::directory_iterator it(file.abs_path.parent_path(), ec), end;
       !ec && it != end && seen++ < kMaxListed; it.increment(ec)) {
    std::string name = it->path().filename().string();
    for (auto suffix : kWeightSuffixes) {
      if (name.ends_with(suffix)) return true;
    }
  }
  return false;
}

// The folder's model component; every file of the folder builds the same one (same key).
Component FolderModel(Context& ctx, EvidenceMethod method, std::string snippet) {
  Component c;
  c.kind = ComponentKind::kModel;
  c.name = FolderName(ctx.file());
  c.ecosystem = "huggingface";
  c.scope = Scope::kDirect;
  c.ai = AiInfo{.category = "model", .provider = "Hugging Face"};
  c.properties["aisec:format"] = "huggingface";
  c.evidence.push_back(Evidence{Location{ctx.path(), 1}, Snippet(snippet), method});
  return c;
}

std::string JoinLimited(const std::vector<std::string>& items, size_t max_items = 16) {
  std::vector<std::string> shown;
  for (const auto& s : items) {
    if (shown.size() == max_items) break;
    shown.push_back(Snippet(s, 80));
  }
  return Join(shown, ",");
}

void AddAutoMapProperties(Component& c, const std::vector<formats::hf::AutoMapEntry>& auto_map) {
  if (auto_map.empty()) return;
  std::vector<std::string> files;
  for (const auto& e : auto_map) {
    std::string f = e.repo.empty() ? e.file : e.repo + "--" + e.file;
    if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  }
  c.properties["aisec:model:requires-remote-code"] = "true";
  c.properties["aisec:model:remote-code-files"] = JoinLimited(files);
}

template <typename T>
bool Parsed(Context& ctx, const Result<T>& r) {
  if (r.ok()) return true;
  ctx.sink().Warn(r.error().location.path.empty() ? Location{ctx.path()} : r.error().location,
                  r.error().message, kSource);
  return false;
}

// Datasets and base models named by a card, related to the folder's model.
void AddCardReferences(Context& ctx, const Component& model, const formats::hf::Card& card) {
  Evidence ev{Location{ctx.path(), card.front_matter_line}, "model card", EvidenceMethod::kManifest};
  for (const auto& id : card.datasets) {
    Component d{.kind = ComponentKind::kData, .name = id, .ecosystem = "huggingface",
                .scope = Scope::kDeclared,
                .ai = AiInfo{.category = "dataset", .provider = "Hugging Face"}};
    d.evidence.push_back(ev);
    ctx.sink().Relate(model.Key(), d.Key(), RelationKind::kDependsOn);
    ctx.sink().Add(std::move(d));
  }
  for (const auto& id : card.base_models) {
    Component b{.kind = ComponentKind::kModel, .name = id, .ecosystem = "huggingface",
                .scope = Scope::kDeclared,
                .ai = AiInfo{.category = "model", .provider = "Hugging Face"}};
    b.purl = MakePurl("huggingface", id);
    b.evidence.push_back(ev);
    ctx.sink().Relate(model.Key(), b.Key(), RelationKind::kDependsOn);
    ctx.sink().Add(std::move(b));
  }
}

}  // namespace

void HfConfig(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) return;  // an unreadable config.json is not necessarily a model's
  auto cfg = formats::hf::ParseConfig(*text, ctx.path());
  if (!cfg.ok() || !cfg->is_model_config) return;  // many config.json files are not models
  if (!WeightsBeside(ctx.file()) && cfg->transformers_version.empty() && cfg->auto_map.empty()) {
    return;
  }
  Component c = FolderModel(ctx, EvidenceMethod::kConfig, "config.json model_type " + cfg->model_type);
  SetProperty(c, "aisec:model:architecture", JoinLimited(cfg->architectures));
  SetProperty(c, "aisec:model:model-type", Snippet(cfg->model_type, 80));
  SetProperty(c, "aisec:model:torch-dtype", Snippet(cfg->torch_dtype, 40));
  SetProperty(c, "aisec:model:transformers-version", Snippet(cfg->transformers_version, 40));
  SetProperty(c, "aisec:model:name-or-path", Snippet(cfg->name_or_path, 120));
  AddAutoMapProperties(c, cfg->auto_map);
  std::string family = !cfg->model_type.empty() ? cfg->model_type
                       : cfg->architectures.empty() ? "" : cfg->architectures[0];
  c.ai->model_family = Snippet(family, 80);
  ctx.sink().Add(std::move(c));
}

void HfTokenizerConfig(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) return;
  auto tok = formats::hf::ParseTokenizerConfig(*text, ctx.path());
  if (!Parsed(ctx, tok) || !tok->is_tokenizer_config) return;
  Component c = FolderModel(ctx, EvidenceMethod::kConfig, "tokenizer_config.json");
  SetProperty(c, "aisec:model:tokenizer-class", Snippet(tok->tokenizer_class, 80));
  c.properties["aisec:model:chat-template"] = tok->chat_templates.empty() ? "absent" : "present";
  AddAutoMapProperties(c, tok->auto_map);
  ctx.sink().Add(std::move(c));
}

void HfCard(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) return;
  auto card = formats::hf::ParseCard(*text, ctx.path());
  if (!Parsed(ctx, card) || (!card->is_model_card && !card->is_dataset_card)) return;
  if (card->is_dataset_card && !card->is_model_card) {
    Component d = FolderModel(ctx, EvidenceMethod::kManifest, "dataset card");
    d.kind = ComponentKind::kData;
    d.ai->category = "dataset";
    d.properties["aisec:format"] = "huggingface-dataset";
    d.licenses = card->licenses;
    SetProperty(d, "aisec:data:task-categories", JoinLimited(card->task_categories));
    SetProperty(d, "aisec:data:pretty-name", Snippet(card->pretty_name, 120));
    ctx.sink().Add(std::move(d));
    return;
  }
  Component c = FolderModel(ctx, EvidenceMethod::kManifest, "model card");
  c.licenses = card->licenses;
  SetProperty(c, "aisec:model:task", Snippet(card->pipeline_tag, 80));
  SetProperty(c, "aisec:model:datasets", JoinLimited(card->datasets));
  SetProperty(c, "aisec:model:base_model", JoinLimited(card->base_models));
  SetProperty(c, "aisec:model:language", JoinLimited(card->languages, 32));
  SetProperty(c, "aisec:model:tags", JoinLimited(card->tags, 32));
  SetProperty(c, "aisec:model:library", Snippet(card->library_name, 80));
  c.ai->task = Snippet(card->pipeline_tag, 80);
  AddCardReferences(ctx, c, *card);
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
