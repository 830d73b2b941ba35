// Inputs of the erasure and retention procedures (docs/decisions/0170), shared with the web forms.
import { z } from "zod";

const IdSchema = z.string().trim().min(1, "Missing id.").max(64, "That id is too long.");

export const EraseCandidateInput = z.object({ candidateId: IdSchema });

export const RetentionPreviewInput = z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 });

export const DeleteOrganizationInput = z.object({
  /** The organisation's name, typed by the owner: a deliberate act, not a stray click. */
  confirmName: z.string().trim().min(1, "Type the organization's name to confirm.").max(200),
});

/** Why an erasure happens; recorded in the audit log and told to the room. */
export type ErasureReason = "candidate_erased" | "retention" | "organization_deleted";

