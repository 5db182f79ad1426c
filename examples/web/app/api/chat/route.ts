// Streams a support answer. The Python service finds the relevant help-centre passages; the
// answer itself is written by an OpenAI model through the Vercel AI SDK.
import { openai } from "@ai-sdk/openai";
import { streamText, type CoreMessage } from "ai";
import { z } from "zod";

export const maxDuration = 30;

const SUPPORT_API = process.env.SUPPORT_API_URL ?? "http://localhost:8000";
const MODEL = process.env.OPENAI_MODEL ?? "gpt-4o-mini";

const Passage = z.object({ source: z.string(), text: z.string(), score: z.number() });
const SearchResponse = z.object({ passages: z.array(Passage) });

async function findPassages(question: string): Promise<z.infer<typeof Passage>[]> {
  const res = await fetch(`${SUPPORT_API}/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: question, k: 4 }),
  });
  if (!res.ok) return [];
  return SearchResponse.parse(await res.json()).passages;
}

export async function POST(req: Request) {
  const { messages }: { messages: CoreMessage[] } = await req.json();
  const last = messages[messages.length - 1];
  const question = typeof last?.content === "string" ? last.content : "";
  const passages = question ? await findPassages(question) : [];
  const context = passages.map((p) => `[${p.source}] ${p.text}`).join("\n\n");

  const result = streamText({
    model: openai(MODEL),
    system:
      "You are the support assistant of Acme Cloud. Answer only from the passages below and " +
      "cite their [source]. If they do not answer the question, say so and offer to open a ticket.\n\n" +
      context,
    messages,
    temperature: 0.2,
  });
  return result.toDataStreamResponse();
}
