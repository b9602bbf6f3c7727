import { builder } from "../../builder.js";
import { derivedId } from "../../db/ids.js";
import {
  DomainError,
  type FieldError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from "../../errors.js";
import { ConnectorStateEnum } from "./enums.js";

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "An expected failure, as a member of a mutation's result union",
  fields: (t) => ({
    message: t.exposeString("message", { description: "what went wrong, in a sentence a person can read; never holds a secret" }),
  }),
});

const FieldErrorType = builder.objectRef<FieldError>("FieldError").implement({
  description: "One input field that broke a rule",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "the input path, e.g. [\"input\", \"configuration\", \"repository\"]" }),
    message: t.exposeString("message", { description: 'what is wrong with it, e.g. "must be at most 200 characters"' }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input broke a rule: a bad URL, a configuration that fails the preset's configSchema, ...",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorType],
      description: "every input field that broke a rule (message names them too)",
      resolve: (e) => e.fieldErrors,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "No such object, or the viewer may not see it (the two are never told apart).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    // Relay keys records by `id` alone: the id asked for is the id of another type's object (a
    // connector deleted meanwhile is still in the client's store), so this one is derived from it
    id: t.id({
      nullable: true,
      description: "nf_ and the id asked for: this error's own id (the id asked for is requestedId)",
      resolve: (e) => (e.id ? derivedId("nf", e.id) : null),
    }),
    requestedId: t.id({
      nullable: true,
      description: "the id that was asked for; null when the lookup was by something else (a slug, a tool name)",
      resolve: (e) => e.id ?? null,
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The viewer may see the object but not do this to it (e.g. a MEMBER changing a TEAM connector).",
  interfaces: [ErrorInterface],
});

builder.objectType(InvalidStateError, {
  name: "InvalidStateError",
  description: "The object's state does not allow this (e.g. connecting a connector that is already CONNECTED).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    state: t.field({
      type: ConnectorStateEnum,
      nullable: true,
      description: "the connector's state that does not allow it (always set today; nullable for objects without a state)",
      resolve: (e) => e.state,
    }),
  }),
});

const UpstreamErrorReasonEnum = builder.enumType("UpstreamErrorReason", {
  description: "Why the provider or the connector's server failed",
  values: {
    UNAUTHORIZED: { value: "unauthorized", description: "it refused the credentials (HTTP 401 or 403): the connector is AUTH_FAILED" },
    TOKEN_EXPIRED: { value: "token-expired", description: "the OAuth token was refused and could not be refreshed: TOKEN_EXPIRED" },
    UNREACHABLE: { value: "unreachable", description: "nothing answered in time (or the address is not allowed)" },
    PROTOCOL: { value: "protocol", description: "something answered that is not a working MCP server" },
    UNUSABLE: { value: "unusable", description: "nothing was sent: the URL is incomplete or a credential cannot be sent" },
  } as const,
});

builder.objectType(UpstreamError, {
  name: "UpstreamError",
  description: "The provider or the connector's MCP server refused or failed (OAuth exchange, tool discovery, health check).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.field({
      type: UpstreamErrorReasonEnum,
      nullable: true,
      description: "the kind of failure; null when it is none of these (e.g. an OAuth authorization server without the endpoints or PKCE it needs)",
      resolve: (e) => e.details.kind ?? null,
    }),
    // not `connector`: the success members' non-null `connector` could not be selected beside it
    connectorAfter: t.prismaField({
      // named by its model, as ConnectorEvent.connector does, to avoid an import cycle
      type: "Connector",
      nullable: true,
      description: "the connector as the failed attempt left it (AUTH_FAILED, ERROR, lastError), when it changed it",
      // read again with the selection: the row the attempt left has none of the relations asked
      // for (tools, createdBy, ...), which Pothos would then look for on it and fail
      resolve: (query, e, _args, ctx) =>
        e.details.connector ? ctx.services.db.connector.findUnique({ ...query, where: { id: e.details.connector.id } }) : null,
    }),
  }),
});
