package com.example;

import dev.langchain4j.model.openai.OpenAiChatModel;
import static dev.langchain4j.model.openai.OpenAiChatModelName.GPT_4_O;

public class Assistant {
  // model: gpt-3.5-turbo was used before (comment)
  private final OpenAiChatModel model = OpenAiChatModel.builder()
      .modelName(OpenAiChatModelName.GPT_4_O)
      .build();
}
