import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * What a request that cannot be read gets back: 400 with a code, never more than "this part is not
 * valid JSON". Yoga's JSON parse error carried the SyntaxError as `originalError`, whose message
 * quotes the body (and its secrets); a GET's malformed `variables` or `extensions` threw a bare
 * SyntaxError that became a 500.
 */
function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
}

function publicParseError(error: unknown, request: Request): GraphQLError {
  if (error instanceof GraphQLError) {
    const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
    // yoga's own refusals name only the request's shape; the message is kept, the cause is not, and
    // the status is kept for every Accept (yoga's `spec` flag would answer 200 to application/json)
    if (http?.status && http.status < 500) {
      return new GraphQLError(error.message, { extensions: { code: "BAD_REQUEST", http: { status: http.status, headers: http.headers } } });
    }
  }
  if (request.method === "GET") {
    const params = new URL(request.url).searchParams;
    for (const name of ["variables", "extensions"]) {
      const value = params.get(name);
      if (value == null) continue;
      try {
        JSON.parse(value);
      } catch {
        return badRequest(`The "${name}" query parameter is not valid JSON.`);
      }
    }
  }
  return badRequest("The request body is not valid JSON.");
}

export function useSafeRequestParsing(): Plugin {
  return {
    onRequestParse: ({ request, requestParser, setRequestParser }) => {
      if (!requestParser) return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (e) {
          throw publicParseError(e, request);
        }
      });
    },
  };
}
