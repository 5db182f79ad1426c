// The table of every cataloger. A new format is one new file and one row here.
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

constexpr std::string_view kRequirementsGlobs[] = {"requirements*.txt", "requirements*.in",
                                                   "*-requirements.txt"};
constexpr std::string_view kPyprojectGlobs[] = {"pyproject.toml"};
constexpr std::string_view kSetupCfgGlobs[] = {"setup.cfg"};
constexpr std::string_view kPipfileGlobs[] = {"Pipfile"};
constexpr std::string_view kPipfileLockGlobs[] = {"Pipfile.lock"};
constexpr std::string_view kPoetryLockGlobs[] = {"poetry.lock"};
constexpr std::string_view kUvLockGlobs[] = {"uv.lock"};
constexpr std::string_view kCondaGlobs[] = {"environment.yml", "environment.yaml"};
constexpr std::string_view kDockerfileGlobs[] = {"Dockerfile",    "Dockerfile.*",
                                                 "*.dockerfile",  "*.Dockerfile",
                                                 "Containerfile", "Containerfile.*"};
constexpr std::string_view kShellGlobs[] = {"*.sh", "*.bash"};
constexpr std::string_view kPackageJsonGlobs[] = {"package.json"};
constexpr std::string_view kPackageLockGlobs[] = {"package-lock.json", "npm-shrinkwrap.json"};
constexpr std::string_view kYarnLockGlobs[] = {"yarn.lock"};
constexpr std::string_view kPnpmLockGlobs[] = {"pnpm-lock.yaml"};
constexpr std::string_view kGoModGlobs[] = {"go.mod"};
constexpr std::string_view kCargoTomlGlobs[] = {"Cargo.toml"};
constexpr std::string_view kCargoLockGlobs[] = {"Cargo.lock"};
constexpr std::string_view kPomGlobs[] = {"pom.xml"};
constexpr std::string_view kGradleBuildGlobs[] = {"build.gradle", "build.gradle.kts"};
constexpr std::string_view kGradleCatalogGlobs[] = {"*.versions.toml"};
constexpr std::string_view kMsBuildProjectGlobs[] = {"*.csproj", "*.fsproj", "*.vbproj",
                                                     "Directory.Build.props"};
constexpr std::string_view kCentralPackagesGlobs[] = {"Directory.Packages.props"};
constexpr std::string_view kPackagesConfigGlobs[] = {"packages.config"};
constexpr std::string_view kGemfileGlobs[] = {"Gemfile", "gems.rb"};
constexpr std::string_view kGemfileLockGlobs[] = {"Gemfile.lock", "gems.locked"};
constexpr std::string_view kGemspecGlobs[] = {"*.gemspec"};
constexpr std::string_view kComposerJsonGlobs[] = {"composer.json"};
constexpr std::string_view kComposerLockGlobs[] = {"composer.lock"};

constexpr std::string_view kNotebookGlobs[] = {"*.ipynb"};
constexpr std::string_view kTerraformGlobs[] = {"*.tf"};

// Compressed joblib dumps are recognised by name; everything else of the model formats by bytes.
constexpr std::string_view kJoblibGlobs[] = {"*.joblib", "*.jbl", "*.pkl.z", "*.pkl.gz",
                                             "*.pkl.bz2", "*.pkl.xz", "*.pkl.lzma", "*.pkl.lz4"};
constexpr std::string_view kSafetensorsGlobs[] = {"*.safetensors"};
constexpr std::string_view kGgufGlobs[] = {"*.gguf"};
constexpr std::string_view kOnnxGlobs[] = {"*.onnx"};
constexpr std::string_view kHdf5Globs[] = {"*.h5", "*.hdf5"};
constexpr std::string_view kSavedModelGlobs[] = {"saved_model.pb"};
constexpr std::string_view kTfliteGlobs[] = {"*.tflite"};
constexpr std::string_view kCoreMlGlobs[] = {"*.mlmodel"};
constexpr std::string_view kHfConfigGlobs[] = {"config.json"};
constexpr std::string_view kHfTokenizerGlobs[] = {"tokenizer_config.json"};
constexpr std::string_view kHfCardGlobs[] = {"README.md", "readme.md", "README.MD"};

const Cataloger kCatalogers[] = {
    {.name = "code/source", .run = code::SourceCode, .claims_path = code::ClaimsSourceCode},
    {.name = "code/notebook", .globs = kNotebookGlobs, .run = code::NotebookCode},
    {.name = "code/config", .run = code::ConfigFile, .claims_path = code::ClaimsConfigFile},
    {.name = "code/agents", .run = code::AgentCode, .claims_path = code::ClaimsSourceCode},
    {.name = "code/prompt-file", .run = code::PromptFile, .claims_path = code::ClaimsPromptFile},
    {.name = "iac/container-images", .run = iac::ContainerImages, .claims_path = iac::ClaimsContainerImages},
    {.name = "iac/terraform", .globs = kTerraformGlobs, .run = iac::Terraform},
    {.name = "mcp/config", .run = mcp::McpConfig, .claims_path = mcp::ClaimsMcpConfig},
    {.name = "python/requirements", .globs = kRequirementsGlobs, .run = python::RequirementsTxt},
    {.name = "python/pyproject", .globs = kPyprojectGlobs, .run = python::PyprojectToml},
    {.name = "python/setup-cfg", .globs = kSetupCfgGlobs, .run = python::SetupCfg},
    {.name = "python/pipfile", .globs = kPipfileGlobs, .run = python::Pipfile},
    {.name = "python/pipfile-lock", .globs = kPipfileLockGlobs, .run = python::PipfileLock},
    {.name = "python/poetry-lock", .globs = kPoetryLockGlobs, .run = python::PoetryLock},
    {.name = "python/uv-lock", .globs = kUvLockGlobs, .run = python::UvLock},
    {.name = "python/conda-environment", .globs = kCondaGlobs, .run = python::CondaEnvironment},
    {.name = "python/notebook", .globs = kNotebookGlobs, .run = python::JupyterNotebook},
    {.name = "python/dockerfile", .globs = kDockerfileGlobs, .run = python::Dockerfile},
    {.name = "python/shell-script", .globs = kShellGlobs, .run = python::ShellScript},
    {.name = "python/dist-metadata", .run = python::DistMetadata,
     .claims_path = python::ClaimsDistMetadata},
    {.name = "npm/package-json", .globs = kPackageJsonGlobs, .run = npm::PackageJson},
    {.name = "npm/package-lock", .globs = kPackageLockGlobs, .run = npm::PackageLock},
    {.name = "npm/yarn-lock", .globs = kYarnLockGlobs, .run = npm::YarnLock},
    {.name = "npm/pnpm-lock", .globs = kPnpmLockGlobs, .run = npm::PnpmLock},
    {.name = "go/go-mod", .globs = kGoModGlobs, .run = go::GoMod},
    {.name = "cargo/cargo-toml", .globs = kCargoTomlGlobs, .run = cargo::CargoToml},
    {.name = "cargo/cargo-lock", .globs = kCargoLockGlobs, .run = cargo::CargoLock},
    {.name = "maven/pom", .globs = kPomGlobs, .run = maven::PomXml},
    {.name = "gradle/build", .globs = kGradleBuildGlobs, .run = gradle::BuildGradle},
    {.name = "gradle/version-catalog", .globs = kGradleCatalogGlobs, .run = gradle::LibsVersionsToml},
    {.name = "nuget/project", .globs = kMsBuildProjectGlobs, .run = nuget::ProjectFile},
    {.name = "nuget/central-packages", .globs = kCentralPackagesGlobs,
     .run = nuget::DirectoryPackagesProps},
    {.name = "nuget/packages-config", .globs = kPackagesConfigGlobs, .run = nuget::PackagesConfig},
    {.name = "ruby/gemfile", .globs = kGemfileGlobs, .run = ruby::Gemfile},
    {.name = "ruby/gemfile-lock", .globs = kGemfileLockGlobs, .run = ruby::GemfileLock},
    {.name = "ruby/gemspec", .globs = kGemspecGlobs, .run = ruby::Gemspec},
    {.name = "php/composer", .globs = kComposerJsonGlobs, .run = php::ComposerJson},
    {.name = "php/composer-lock", .globs = kComposerLockGlobs, .run = php::ComposerLock},
    {.name = "model/pickle", .globs = kJoblibGlobs, .run = model::PickleFiles,
     .claims_content = model::ClaimsPickleContent},
    {.name = "model/zip", .globs = {}, .run = model::ZipModelFiles,
     .claims_content = model::ClaimsZipContent},
    {.name = "model/numpy", .globs = {}, .run = model::NumpyFiles,
     .claims_content = model::ClaimsNumpyContent},
    {.name = "model/safetensors", .globs = kSafetensorsGlobs, .run = model::Safetensors,
     .claims_content = model::ClaimsSafetensors},
    {.name = "model/gguf", .globs = kGgufGlobs, .run = model::Gguf,
     .claims_content = model::ClaimsGguf},
    {.name = "model/onnx", .globs = kOnnxGlobs, .run = model::Onnx},
    {.name = "model/hdf5", .globs = kHdf5Globs, .run = model::Hdf5,
     .claims_content = model::ClaimsHdf5},
    {.name = "model/savedmodel", .globs = kSavedModelGlobs, .run = model::SavedModel},
    {.name = "model/tflite", .globs = kTfliteGlobs, .run = model::Tflite,
     .claims_content = model::ClaimsTflite},
    {.name = "model/coreml", .globs = kCoreMlGlobs, .run = model::CoreMl},
    {.name = "model/coreml-package", .globs = {}, .run = model::MlPackage,
     .claims_path = model::ClaimsMlPackageManifest},
    {.name = "model/huggingface-config", .globs = kHfConfigGlobs, .run = model::HfConfig},
    {.name = "model/huggingface-tokenizer", .globs = kHfTokenizerGlobs,
     .run = model::HfTokenizerConfig},
    {.name = "model/huggingface-card", .globs = kHfCardGlobs, .run = model::HfCard},
};

}  // namespace

std::span<const Cataloger> Registry() { return kCatalogers; }

}  // namespace aisec::catalog
