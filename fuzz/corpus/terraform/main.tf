resource "aws_bedrock_model_invocation_logging_configuration" "logs" {
}

resource "google_vertex_ai_endpoint" "endpoint" {
  name = "support"
}
