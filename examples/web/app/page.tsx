"use client";

import { useChat } from "ai/react";

export default function SupportChat() {
  const { messages, input, handleInputChange, handleSubmit, isLoading } = useChat({
    api: "/api/chat",
  });

  return (
    <main className="chat">
      <h1>Acme Cloud support</h1>
      <ul>
        {messages.map((m) => (
          <li key={m.id} className={m.role}>
            {m.content}
          </li>
        ))}
      </ul>
      <form onSubmit={handleSubmit}>
        <input
          value={input}
          onChange={handleInputChange}
          placeholder="Ask about billing, deployments or your account"
          disabled={isLoading}
        />
        <button type="submit" disabled={isLoading || input.length === 0}>
          Send
        </button>
      </form>
    </main>
  );
}
