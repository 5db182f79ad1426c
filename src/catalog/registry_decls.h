#pragma once
// Entry points of every cataloger, one per format file, grouped by ecosystem. Only registry.cc
// and the tests include this.
#include "catalog/cataloger.h"

namespace aisec::catalog {
namespace python {
void RequirementsTxt(Context& ctx);
void PyprojectToml(Context& ctx);
void SetupCfg(Context& ctx);
void Pipfile(Context& ctx);
void PipfileLock(Context& ctx);
void PoetryLock(Context& ctx);
void UvLock(Context& ctx);
void CondaEnvironment(Context& ctx);
void JupyterNotebook(Context& ctx);
void Dockerfile(Context& ctx);
void ShellScript(Context& ctx);
void DistMetadata(Context& ctx);
bool ClaimsDistMetadata(std::string_view rel_path);
}  // namespace python
namespace code {
void SourceCode(Context& ctx);
bool ClaimsSourceCode(std::string_view rel_path);
void NotebookCode(Context& ctx);
void ConfigFile(Context& ctx);
bool ClaimsConfigFile(std::string_view rel_path);
void AgentCode(Context& ctx);
void PromptFile(Context& ctx);
bool ClaimsPromptFile(std::string_view rel_path);
}  // namespace code
namespace iac {
void ContainerImages(Context& ctx);
bool ClaimsContainerImages(std::string_view rel_path);
void Terraform(Context& ctx);
}  // namespace iac
namespace mcp {
void McpConfig(Context& ctx);
bool ClaimsMcpConfig(std::string_view rel_path);
}  // namespace mcp
namespace npm {
void PackageJson(Context& ctx);
void PackageLock(Context& ctx);
void YarnLock(Context& ctx);
void PnpmLock(Context& ctx);
}  // namespace npm
namespace go {
void GoMod(Context& ctx);
}  // namespace go
namespace cargo {
void CargoToml(Context& ctx);
void CargoLock(Context& ctx);
}  // namespace cargo
namespace maven {
void PomXml(Context& ctx);
}  // namespace maven
namespace gradle {
void BuildGradle(Context& ctx);
void LibsVersionsToml(Context& ctx);
}  // namespace gradle
namespace nuget {
void ProjectFile(Context& ctx);
void DirectoryPackagesProps(Context& ctx);
void PackagesConfig(Context& ctx);
}  // namespace nuget
namespace ruby {
void Gemfile(Context& ctx);
void GemfileLock(Context& ctx);
void Gemspec(Context& ctx);
}  // namespace ruby
namespace php {
void ComposerJson(Context& ctx);
void ComposerLock(Context& ctx);
}  // namespace php
namespace model {
bool ClaimsPickleContent(std::string_view head);
void PickleFiles(Context& ctx);
bool ClaimsZipContent(std::string_view head);
void ZipModelFiles(Context& ctx);
bool ClaimsNumpyContent(std::string_view head);
void NumpyFiles(Context& ctx);
bool ClaimsSafetensors(std::string_view head);
void Safetensors(Context& ctx);
bool ClaimsGguf(std::string_view head);
void Gguf(Context& ctx);
void Onnx(Context& ctx);
void HfConfig(Context& ctx);
void HfTokenizerConfig(Context& ctx);
void HfCard(Context& ctx);
bool ClaimsHdf5(std::string_view head);
void Hdf5(Context& ctx);
void SavedModel(Context& ctx);
bool ClaimsTflite(std::string_view head);
void Tflite(Context& ctx);
void CoreMl(Context& ctx);
bool ClaimsMlPackageManifest(std::string_view rel_path);
void MlPackage(Context& ctx);
}  // namespace model
}  // namespace aisec::catalog
