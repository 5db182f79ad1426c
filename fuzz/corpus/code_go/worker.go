package main

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

func run(ctx context.Context) {
	c := openai.NewClient("token-from-env")
	_, _ = c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: openai.GPT4oMini})
}
