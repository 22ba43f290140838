-- One database per service that keeps state (ARCHITECTURE.md, "Storage").
CREATE DATABASE response OWNER switchboard;
CREATE DATABASE moderation OWNER switchboard;
