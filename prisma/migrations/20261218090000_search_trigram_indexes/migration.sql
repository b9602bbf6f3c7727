-- connectors(filter: { search }) is ILIKE '%text%' on name or type: trigram (GIN) indexes find the
-- matching rows, or none, instead of every connector of the organization being read and filtered.
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): a database owner may create it. PGlite
-- loads it from its contrib build (src/db/pglite-extensions.ts)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Connector_name_idx" ON "Connector" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Connector_type_idx" ON "Connector" USING GIN ("type" gin_trgm_ops);
