-- CreateEnum
CREATE TYPE "CreditEntryKind" AS ENUM ('GRANT', 'PURCHASE', 'RESERVE', 'CONSUME', 'RELEASE', 'REFUND', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "CreditCause" AS ENUM ('INVITATION', 'SESSION', 'STRIPE_EVENT', 'ADMIN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "CreditPurchaseStatus" AS ENUM ('OPEN', 'PAID', 'REFUNDED');

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "creditReservationId" TEXT;

-- CreateTable
CREATE TABLE "CreditAccount" (
    "organizationId" TEXT NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "stripeCustomerId" TEXT,
    "lowBalanceNotifiedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditAccount_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "CreditLedgerEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "CreditEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "reservedChange" INTEGER NOT NULL DEFAULT 0,
    "availableAfter" INTEGER NOT NULL,
    "causeType" "CreditCause" NOT NULL,
    "causeId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "candidateId" TEXT,
    "assessmentId" TEXT,
    "purchaseId" TEXT,
    "note" TEXT,
    "actorUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditPurchase" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "CreditPurchaseStatus" NOT NULL DEFAULT 'OPEN',
    "checkoutSessionId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "invoiceId" TEXT,
    "invoiceUrl" TEXT,
    "receiptUrl" TEXT,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "creditsRemoved" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "CreditPurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeWebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeWebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditAccount_stripeCustomerId_key" ON "CreditAccount"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedgerEntry_idempotencyKey_key" ON "CreditLedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_organizationId_createdAt_idx" ON "CreditLedgerEntry"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_organizationId_kind_idx" ON "CreditLedgerEntry"("organizationId", "kind");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_assessmentId_idx" ON "CreditLedgerEntry"("assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPurchase_checkoutSessionId_key" ON "CreditPurchase"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPurchase_paymentIntentId_key" ON "CreditPurchase"("paymentIntentId");

-- CreateIndex
CREATE INDEX "CreditPurchase_organizationId_createdAt_idx" ON "CreditPurchase"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_creditReservationId_key" ON "Candidate"("creditReservationId");

-- AddForeignKey
ALTER TABLE "CreditAccount" ADD CONSTRAINT "CreditAccount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPurchase" ADD CONSTRAINT "CreditPurchase_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (docs/decisions/0090): the database itself refuses an overdrawn account and
-- entries whose effect contradicts their kind.
ALTER TABLE "CreditAccount" ADD CONSTRAINT "CreditAccount_available_not_negative" CHECK ("available" >= 0);
ALTER TABLE "CreditAccount" ADD CONSTRAINT "CreditAccount_reserved_not_negative" CHECK ("reserved" >= 0);
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_available_after_not_negative" CHECK ("availableAfter" >= 0);
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_effect_matches_kind" CHECK (
  CASE "kind"
    WHEN 'GRANT' THEN "amount" > 0 AND "reservedChange" = 0
    WHEN 'PURCHASE' THEN "amount" > 0 AND "reservedChange" = 0
    WHEN 'RESERVE' THEN "amount" = -1 AND "reservedChange" = 1
    WHEN 'CONSUME' THEN "amount" = 0 AND "reservedChange" = -1
    WHEN 'RELEASE' THEN "amount" = 1 AND "reservedChange" = -1
    WHEN 'REFUND' THEN "amount" <= 0 AND "reservedChange" = 0
    WHEN 'ADJUSTMENT' THEN "amount" <> 0 AND "reservedChange" = 0
  END
);

-- Organisations created before billing get the trial grant every new one gets.
INSERT INTO "CreditAccount" ("organizationId", "available", "reserved", "updatedAt")
  SELECT "id", 3, 0, CURRENT_TIMESTAMP FROM "Organization";
INSERT INTO "CreditLedgerEntry" ("id", "organizationId", "kind", "amount", "reservedChange", "availableAfter", "causeType", "idempotencyKey", "note")
  SELECT 'trial_' || "id", "id", 'GRANT', 3, 0, 3, 'SYSTEM', 'trial:' || "id", 'Trial: 3 free credits' FROM "Organization";
