import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./scalars.js";
import "./modules/common/enums.js";
import "./modules/common/error-types.js";
import "./modules/viewer/types.js";
import "./modules/viewer/query.js";
import "./modules/tools/types.js";
import "./modules/presets/types.js";
import "./modules/presets/queries.js";
import "./modules/presets/with-status.js";
import "./modules/events/types.js";
import "./modules/connectors/types.js";
import "./modules/connectors/queries.js";
import "./modules/personal-configurations/types.js";
import "./modules/personal-configurations/queries.js";
import "./modules/nodes/queries.js";

builder.queryType({});

export const schema = lexicographicSortSchema(builder.toSchema());
