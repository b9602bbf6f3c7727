-- AlterTable
ALTER TABLE "Preset" ADD COLUMN     "auth" JSONB;

-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "healthFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "healthLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "syncLeaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ConnectorTool" ADD COLUMN     "annotations" JSONB,
ADD COLUMN     "outputSchema" JSONB;

-- AlterTable
ALTER TABLE "PersonalConfiguration" ADD COLUMN     "healthLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "refreshLeaseUntil" TIMESTAMP(3);
