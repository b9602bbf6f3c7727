import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { codeLabel, operationLabels } from "./labels.js";

export type Transport = "http" | "sse" | "ws";

/** What /metrics shows, fed by the transports, the gateway and the schedulers through this service. */
export interface Metrics {
  /** one GraphQL operation ended (a subscription when its stream ended), with its errors' codes */
  operation(o: { name: string | null | undefined; type: string | undefined; transport: Transport }, durationMs: number, codes: readonly string[]): void;
  socketOpened(): void;
  socketClosed(): void;
  sseOpened(): void;
  sseClosed(): void;
  subscriptionStarted(transport: Transport): void;
  subscriptionEnded(transport: Transport): void;
  /** one MCP gateway tool call ended, as its ToolCall row records it (OK, ERROR, TIMEOUT, ...) */
  toolCall(outcome: string, durationMs: number): void;
  /** one OAuth token refresh: refreshed, failed, refused, superseded */
  refresh(subject: "connector" | "personal_configuration", outcome: string): void;
  /** one look at a server's health: ok, or the failure's kind */
  healthCheck(subject: "connector" | "personal_configuration", outcome: string): void;
  /** the exposition text and its content type */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Connectors per state, read when /metrics is scraped (one grouped count). */
export type StateCounts = () => Promise<{ state: string; count: number }[]>;

const seconds = (ms: number) => ms / 1000;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** Its own registry (never prom-client's global one), so that two apps in one process do not mix. */
export function createMetrics(options: { connectorStates: StateCounts }): Metrics {
  const registers = [new Registry()];
  const [registry] = registers;
  collectDefaultMetrics({ register: registry });
  const label = operationLabels();

  const operations = new Counter({ name: "plugboard_graphql_operations_total", help: "GraphQL operations ended, by operation name, type and transport", labelNames: ["operation", "type", "transport"], registers });
  const durations = new Histogram({
    name: "plugboard_graphql_operation_duration_seconds",
    help: "How long GraphQL operations took (a subscription: how long its stream was open)",
    labelNames: ["operation", "type", "transport"],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const errors = new Counter({ name: "plugboard_graphql_errors_total", help: "GraphQL errors returned, by extensions.code", labelNames: ["operation", "code"], registers });
  const sockets = new Gauge({ name: "plugboard_graphql_ws_sockets", help: "Open graphql-ws sockets (accepted in connection_init)", registers });
  const sse = new Gauge({ name: "plugboard_sse_streams", help: "Open GraphQL over SSE streams", registers });
  const subscriptions = new Gauge({ name: "plugboard_graphql_subscriptions", help: "Active GraphQL subscriptions, by transport", labelNames: ["transport"], registers });
  new Gauge({
    name: "plugboard_connectors",
    help: "Connectors per state (all organizations), read at scrape",
    labelNames: ["state"],
    registers,
    async collect() {
      this.reset();
      for (const { state, count } of await options.connectorStates()) this.set({ state }, count);
    },
  });
  const toolCalls = new Counter({ name: "plugboard_tool_calls_total", help: "MCP gateway tool calls, by outcome", labelNames: ["outcome"], registers });
  const toolCallDurations = new Histogram({ name: "plugboard_tool_call_duration_seconds", help: "How long MCP gateway tool calls took", labelNames: ["outcome"], buckets: DURATION_BUCKETS, registers });
  const refreshes = new Counter({ name: "plugboard_oauth_refreshes_total", help: "OAuth token refreshes, by subject and outcome", labelNames: ["subject", "outcome"], registers });
  const health = new Counter({ name: "plugboard_health_checks_total", help: "Health checks of connectors and personal configurations, by outcome", labelNames: ["subject", "outcome"], registers });

  return {
    operation(o, durationMs, codes) {
      const labels = { operation: label(o.name), type: o.type ?? "unknown", transport: o.transport };
      operations.inc(labels);
      durations.observe(labels, seconds(durationMs));
      for (const code of codes) errors.inc({ operation: labels.operation, code: codeLabel(code) });
    },
    socketOpened: () => sockets.inc(),
    socketClosed: () => sockets.dec(),
    sseOpened: () => sse.inc(),
    sseClosed: () => sse.dec(),
    subscriptionStarted: (transport) => subscriptions.inc({ transport }),
    subscriptionEnded: (transport) => subscriptions.dec({ transport }),
    toolCall(outcome, durationMs) {
      toolCalls.inc({ outcome });
      toolCallDurations.observe({ outcome }, seconds(durationMs));
    },
    refresh: (subject, outcome) => refreshes.inc({ subject, outcome }),
    healthCheck: (subject, outcome) => health.inc({ subject, outcome }),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
