-- CreateEnum
CREATE TYPE "ToolCallOutcome" AS ENUM ('OK', 'ERROR', 'REFUSED', 'TIMEOUT', 'CANCELLED');

-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "handle" TEXT;

-- Existing connectors get the handle src/connectors/handle.ts would have made from their name: lower
-- case letters and digits joined by '-', at most 24 characters, 'connector' when nothing is left.
-- Within an organization the oldest keeps the plain handle and the others get -2, -3, … in order of
-- creation, and a suffixed handle that another name already spells gets the id's last 6 characters.
UPDATE "Connector" c SET "handle" = b."base"
FROM (
  SELECT "id", COALESCE(NULLIF(rtrim(left(trim(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), 24), '-'), ''), 'connector') AS "base"
  FROM "Connector"
) b
WHERE c."id" = b."id";

UPDATE "Connector" c SET "handle" = c."handle" || '-' || r."n"
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "organizationId", "handle" ORDER BY "createdAt", "id") AS "n"
  FROM "Connector"
) r
WHERE c."id" = r."id" AND r."n" > 1;

UPDATE "Connector" c SET "handle" = c."handle" || '-' || right(c."id", 6)
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "organizationId", "handle" ORDER BY "createdAt", "id") AS "n"
  FROM "Connector"
) r
WHERE c."id" = r."id" AND r."n" > 1;

ALTER TABLE "Connector" ALTER COLUMN "handle" SET NOT NULL;

-- CreateTable
CREATE TABLE "ToolCall" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectorId" TEXT,
    "scope" "ConnectorScope" NOT NULL,
    "ownerUserId" TEXT,
    "ownerApiKeyId" TEXT,
    "toolName" TEXT NOT NULL,
    "outcome" "ToolCallOutcome" NOT NULL,
    "errorMessage" TEXT,
    "apiKeyId" TEXT,
    "userId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "ToolCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Connector_organizationId_handle_key" ON "Connector"("organizationId", "handle");

-- CreateIndex
CREATE INDEX "ToolCall_connectorId_id_idx" ON "ToolCall"("connectorId", "id");

-- CreateIndex
CREATE INDEX "ToolCall_organizationId_id_idx" ON "ToolCall"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
