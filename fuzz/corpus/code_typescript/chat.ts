import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import OpenAI from "openai";

// const old = 'gpt-3.5-turbo'  (comment)
export async function chat(prompt: string) {
  const client = new OpenAI();
  const result = await streamText({ model: openai('gpt-4.1-mini'), prompt });
  return result;
}
