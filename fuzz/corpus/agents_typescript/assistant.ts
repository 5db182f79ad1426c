// A small agent loop with the Vercel AI SDK and an OpenAI Agents SDK agent.
import { openai } from "@ai-sdk/openai";
import { Agent } from "@openai/agents";
import { generateText, tool } from "ai";
import { z } from "zod";

const SYSTEM_PROMPT = "You are the travel desk assistant. Book only refundable fares.";

export async function plan(question: string) {
  return generateText({
    model: openai("gpt-4.1-mini"),
    system: SYSTEM_PROMPT,
    tools: {
      getWeather: tool({
        description: "Weather for a city",
        parameters: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, celsius: 21 }),
      }),
    },
    prompt: question,
  });
}

export const concierge = new Agent({
  name: "Concierge",
  instructions: "Answer hotel questions and " + "never share other guests' details.",
});

const messages = [{ role: "system", content: "You summarise hotel reviews in three bullet points." }];
// const old = new Agent({ name: "Legacy", instructions: "You were the legacy concierge bot." });
