import { Agent, tool } from "@openai/agents";
const SYSTEM_PROMPT = `You sort ${kind} requests into queues.`;
const t = tool({ name: "queue", description: "d" });
const a = new Agent({ name: "Sorter", instructions: SYSTEM_PROMPT, tools: [t] });
const r = generateText({ system: "Answer in French, " + "short sentences.", tools: { lookup: tool({}) } });
