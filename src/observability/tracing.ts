import { SpanKind } from "@opentelemetry/api";
import { useOpenTelemetry } from "@envelop/opentelemetry";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { Plugin } from "graphql-yoga";

/** OpenTelemetry, on when OTEL_EXPORTER_OTLP_ENDPOINT is set (src/config.ts TracingConfig). */
export interface Tracing {
  /** a span per GraphQL operation, named `<type>.<name>` */
  plugin: Plugin;
  /** sends what is buffered, then stops exporting */
  shutdown(): Promise<void>;
}

/**
 * Spans go to `<endpoint>/v1/traces` (OTLP over HTTP, as the standard variable means). The provider
 * is this app's own, not registered globally. A span carries the operation's name and type only:
 * no document (a literal may hold a token), no variables, no result, no resolver spans.
 */
export function createTracing(config: { endpoint: string; serviceName: string }): Tracing {
  const url = new URL("v1/traces", config.endpoint.endsWith("/") ? config.endpoint : `${config.endpoint}/`).href;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const plugin = useOpenTelemetry({ document: false, variables: false, result: false, resolvers: false }, provider, SpanKind.SERVER, {}, config.serviceName) as Plugin;
  return { plugin, shutdown: () => provider.shutdown() };
}
