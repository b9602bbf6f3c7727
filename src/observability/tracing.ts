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
export async function createTracing(config: { endpoint: string; serviceName: string }): Promise<Tracing> {
  // loaded here, not at the top: a server without tracing never holds the SDK in memory
  const [{ SpanKind }, { useOpenTelemetry }, { OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, NodeTracerProvider }] = await Promise.all([
    import("@opentelemetry/api"),
    import("@envelop/opentelemetry"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-node"),
  ]);
  const url = new URL("v1/traces", config.endpoint.endsWith("/") ? config.endpoint : `${config.endpoint}/`).href;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const plugin = useOpenTelemetry({ document: false, variables: false, result: false, resolvers: false }, provider, SpanKind.SERVER, {}, config.serviceName) as Plugin;
  return { plugin, shutdown: () => provider.shutdown() };
}
