#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

// Found by fuzz/code_notebook: a code cell without "source" was read out of bounds.
TEST(NotebookCode, CodeCellWithoutSourceIsSkipped) {
  testing::TempDir dir;
  dir.Write("nb.ipynb", R"({"cells": [
    {"cell_type": "code", "metadata": {}, "outputs": []},
    {"cell_type": "code", "source": ["from openai import OpenAI\n"]}
  ], "nbformat": 4})");
  auto out = testing::RunCataloger(code::NotebookCode, dir.path(), "nb.ipynb");
  EXPECT_NE(out.Find("openai"), nullptr);
}

// Found by fuzz/code_notebook: members of an unexpected type threw out of the cataloger.
TEST(NotebookCode, MembersOfTheWrongTypeAreSkipped) {
  testing::TempDir dir;
  dir.Write("nb.ipynb", R"({"cells": [
    {"cell_type": ["code"], "source": ["import torch\n"]},
    {"cell_type": "code", "source": ["from openai import OpenAI\n"]}
  ], "metadata": {"language_info": {"name": 3}}, "nbformat": 4})");
  auto out = testing::RunCataloger(code::NotebookCode, dir.path(), "nb.ipynb");
  EXPECT_NE(out.Find("openai"), nullptr);
  dir.Write("cells.ipynb", R"({"cells": "not a list", "nbformat": 4})");
  EXPECT_TRUE(testing::RunCataloger(code::NotebookCode, dir.path(), "cells.ipynb").components.empty());
}

}  // namespace
}  // namespace aisec::catalog
