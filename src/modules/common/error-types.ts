import { builder } from "../../builder.js";
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
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldErrorType = builder.objectRef<FieldError>("FieldError").implement({
  description: "One input field that broke a rule",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "the input path, e.g. [\"input\", \"configuration\", \"repository\"]" }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input broke a rule: a bad URL, a configuration that fails the preset's configSchema, ...",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorType], resolve: (e) => e.fieldErrors }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "No such object, or the viewer may not see it (the two are never told apart).",
  interfaces: [ErrorInterface],
  fields: (t) => ({ id: t.id({ nullable: true, resolve: (e) => e.id ?? null }) }),
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
  fields: (t) => ({ state: t.field({ type: ConnectorStateEnum, nullable: true, resolve: (e) => e.state }) }),
});

builder.objectType(UpstreamError, {
  name: "UpstreamError",
  description: "The provider or the connector's MCP server refused or failed (OAuth exchange, tool discovery).",
  interfaces: [ErrorInterface],
});
