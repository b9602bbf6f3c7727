-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "credentialsAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "toolsDiscoveredAt" TIMESTAMP(3);

-- Connectors CONNECTED before this version were connected with credentials nobody checked, and they
-- count as accepted until their first health check says otherwise.
UPDATE "Connector" SET "credentialsAcceptedAt" = "updatedAt" WHERE "state" = 'CONNECTED';

-- AlterTable
ALTER TABLE "ConnectorEvent" ADD COLUMN     "toolChanges" JSONB;
