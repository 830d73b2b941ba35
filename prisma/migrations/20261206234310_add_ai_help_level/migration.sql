-- CreateEnum
CREATE TYPE "AiHelpLevel" AS ENUM ('GUIDE', 'SOLVE');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "aiHelpLevel" "AiHelpLevel" NOT NULL DEFAULT 'GUIDE';
