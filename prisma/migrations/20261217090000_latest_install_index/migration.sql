-- connectorsWithStatus: the newest install of each preset in an organization is one probe of this
-- index (LATERAL … ORDER BY "updatedAt" DESC, "id" DESC LIMIT 1 per preset, src/connectors/latest-installs.ts)
-- instead of reading every install of the organization

CREATE INDEX "Connector_organizationId_presetId_updatedAt_id_idx" ON "Connector"("organizationId", "presetId", "updatedAt", "id");
