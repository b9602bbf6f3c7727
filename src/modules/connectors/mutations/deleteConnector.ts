import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { deleteConnector } from "../../../connectors/delete.js";

const DeleteConnectorInput = builder.inputType("DeleteConnectorInput", {
  description: "The connector to delete",
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const DeleteConnectorSuccess = builder.objectRef<{ deletedId: string }>("DeleteConnectorSuccess").implement({
  description: "The connector is gone; its DELETED event stays in the audit trail",
  fields: (t) => ({ deletedId: t.exposeID("deletedId") }),
});

builder.mutationField("deleteConnector", (t) =>
  t.field({
    type: DeleteConnectorSuccess,
    description: "Deletes a connector with its tools, credentials and pending authorizations",
    args: { input: t.arg({ type: DeleteConnectorInput, required: true }) },
    errors: directResultUnion("deleteConnector", [NotFoundError, ForbiddenError]),
    resolve: async (_root, { input }, ctx) => ({ deletedId: await deleteConnector(ctx.services, ctx.viewer, input.id) }),
  }),
);
