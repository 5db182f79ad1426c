// Command worker triages new support tickets overnight. It asks a local model served by Ollama
// (through Ollama's OpenAI-compatible endpoint) for a category and an urgency, so ticket text
// never leaves the cluster, and writes one JSON line per ticket for the escalation service.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

type Ticket struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

type Triage struct {
	TicketID string `json:"ticket_id"`
	Category string `json:"category"`
	Urgency  string `json:"urgency"`
	Summary  string `json:"summary"`
}

const systemPrompt = `You triage customer support tickets for a cloud hosting company.
Reply with JSON only: {"category": "billing|outage|account|how-to|other",
"urgency": "low|normal|high", "summary": "<one sentence>"}.`

func main() {
	in := flag.String("in", "tickets.jsonl", "tickets to triage, one JSON object per line")
	out := flag.String("out", "triage.jsonl", "where to write the results")
	flag.Parse()

	cfg := openai.DefaultConfig("ollama") // Ollama ignores the key but the client needs one
	cfg.BaseURL = envOr("OLLAMA_HOST", "http://localhost:11434") + "/v1"
	client := openai.NewClientWithConfig(cfg)
	model := envOr("TRIAGE_MODEL", "llama3.2:3b")

	src, err := os.Open(*in)
	if err != nil {
		log.Fatalf("open tickets: %v", err)
	}
	defer src.Close()
	dst, err := os.Create(*out)
	if err != nil {
		log.Fatalf("create output: %v", err)
	}
	defer dst.Close()

	enc := json.NewEncoder(dst)
	scanner := bufio.NewScanner(src)
	for scanner.Scan() {
		var t Ticket
		if err := json.Unmarshal(scanner.Bytes(), &t); err != nil {
			log.Printf("skipping malformed ticket: %v", err)
			continue
		}
		result, err := triage(client, model, t)
		if err != nil {
			log.Printf("ticket %s: %v", t.ID, err)
			continue
		}
		if err := enc.Encode(result); err != nil {
			log.Fatalf("write result: %v", err)
		}
	}
	if err := scanner.Err(); err != nil {
		log.Fatalf("read tickets: %v", err)
	}
}

func triage(client *openai.Client, model string, t Ticket) (Triage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:       model,
		Temperature: 0,
		ResponseFormat: &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONObject,
		},
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: systemPrompt},
			{Role: openai.ChatMessageRoleUser, Content: fmt.Sprintf("Subject: %s\n\n%s", t.Subject, t.Body)},
		},
	})
	if err != nil {
		return Triage{}, err
	}
	if len(resp.Choices) == 0 {
		return Triage{}, fmt.Errorf("empty answer from %s", model)
	}
	var r Triage
	answer := strings.TrimSpace(resp.Choices[0].Message.Content)
	if err := json.Unmarshal([]byte(answer), &r); err != nil {
		return Triage{}, fmt.Errorf("model answer is not JSON: %w", err)
	}
	r.TicketID = t.ID
	return r, nil
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
