import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { deleteConnector } from "../../../connectors/delete.js";

const DeleteConnectorInput = builder.inputType("DeleteConnectorInput", {
  description: "The connector to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }) }),
});

const DeleteConnectorSuccess = builder.objectRef<{ deletedId: string }>("DeleteConnectorSuccess").implement({
  description: "The connector is gone; its DELETED event stays in the audit trail",
  fields: (t) => ({ deletedId: t.exposeID("deletedId", { description: "the id the connector had: drop it from client caches" }) }),
});

builder.mutationField("deleteConnector", (t) =>
  t.field({
    type: DeleteConnectorSuccess,
    description:
      "Deletes a connector with its tools, credentials and pending authorizations (its OAuth tokens are revoked where the provider allows it); event DELETED",
    args: { input: t.arg({ type: DeleteConnectorInput, required: true, description: "which connector" }) },
    errors: directResultUnion("deleteConnector", [NotFoundError, ForbiddenError]),
    resolve: async (_root, { input }, ctx) => ({ deletedId: await deleteConnector(ctx.services, ctx.viewer, input.id) }),
  }),
);
