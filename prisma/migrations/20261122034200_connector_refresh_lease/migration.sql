-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "refreshLeaseUntil" TIMESTAMP(3);
