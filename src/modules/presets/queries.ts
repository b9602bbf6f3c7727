import { builder } from "../../builder.js";
import { pageOptionsOf } from "../common/pagination.js";
import { PresetFilterInput, presetWhere } from "./filter.js";
import { PresetType } from "./types.js";

builder.queryFields((t) => ({
  presets: t.prismaConnection(
    {
      type: PresetType,
      cursor: "id",
      // the catalog is the same for every organization: a cursor only has to be well-formed
      ...pageOptionsOf("pset"),
      description: "The catalog, by name",
      args: { filter: t.arg({ type: PresetFilterInput, description: "only the presets that match; the whole catalog when absent" }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.db.preset.findMany({ ...query, where: presetWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
      totalCount: (_root, args, ctx) => ctx.services.db.preset.count({ where: presetWhere(args.filter) }),
    },
    { name: "PresetConnection", description: "A page of catalog presets" },
    { name: "PresetEdge", description: "A preset in a page, with its cursor" },
  ),
  preset: t.prismaField({
    type: PresetType,
    nullable: true,
    description: "One catalog entry by its slug (disabled ones too), or null",
    args: { slug: t.arg.string({ required: true, description: 'e.g. "zendesk"; an unknown slug gives null' }) },
    resolve: (query, _root, args, ctx) => ctx.services.db.preset.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));
