import pino, { type DestinationStream, type Logger } from "pino";

/** Anything that may carry a secret is censored before a log line is written. */
export const REDACT_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "*.accessToken",
  "*.refreshToken",
  "*.apiKey",
  "*.password",
  "*.clientSecret",
  "*.token",
  "*.code_verifier",
  "*.codeVerifier",
  "variables",
  "*.variables",
];

export function createLogger(level = "info", destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { service: "plugboard" } }, destination);
}

export type { Logger };
