module github.com/acme-cloud/support-assistant/worker

go 1.22

require github.com/sashabaranov/go-openai v1.36.1
