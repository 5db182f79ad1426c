package com.acme.support.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads the worker's triage results and drafts a hand-over note for every urgent ticket. Urgent
 * tickets go to the hosted model; with {@code ESCALATION_LOCAL=1} everything stays on Ollama.
 */
public final class EscalationService {

  interface HandoverWriter {
    @SystemMessage(
        "You write short hand-over notes for the on-call engineer. State the customer impact, "
            + "what is known, and the first thing to check. Never invent account details.")
    @UserMessage("Ticket {{id}} ({{category}}): {{summary}}")
    String draft(@V("id") String id, @V("category") String category, @V("summary") String summary);
  }

  private final HandoverWriter writer;

  EscalationService(ChatLanguageModel model) {
    this.writer = AiServices.create(HandoverWriter.class, model);
  }

  static ChatLanguageModel chooseModel() {
    if ("1".equals(System.getenv("ESCALATION_LOCAL"))) {
      return OllamaChatModel.builder()
          .baseUrl(System.getenv().getOrDefault("OLLAMA_HOST", "http://localhost:11434"))
          .modelName("llama3.1:8b")
          .timeout(Duration.ofSeconds(120))
          .build();
    }
    return OpenAiChatModel.builder()
        .apiKey(System.getenv("OPENAI_API_KEY"))
        .modelName("gpt-4o")
        .temperature(0.1)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  List<String> handle(Path triageFile) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return Files.readAllLines(triageFile).stream()
        .filter(line -> !line.isBlank())
        .map(line -> readTree(json, line))
        .filter(t -> "high".equals(t.path("urgency").asText()))
        .map(t -> writer.draft(
            t.path("ticket_id").asText(), t.path("category").asText(), t.path("summary").asText()))
        .toList();
  }

  private static JsonNode readTree(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed triage line: " + line, e);
    }
  }

  public static void main(String[] args) throws IOException {
    Path input = Path.of(args.length > 0 ? args[0] : "triage.jsonl");
    for (String note : new EscalationService(chooseModel()).handle(input)) {
      System.out.println(note);
      System.out.println("---");
    }
  }
}
