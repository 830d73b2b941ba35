// The candidate's data pages are authenticated by a signed link alone: a forged, cut or
// erased-candidate link is "invalid", an old download link "expired"; each gets its own page.
import { TRPCError } from "@trpc/server";

export type DataLinkLoad<T> = { ok: true; view: T } | { ok: false; problem: "invalid" | "expired" };

export async function loadDataLink<T>(load: () => Promise<T>): Promise<DataLinkLoad<T>> {
  try {
    return { ok: true, view: await load() };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "PRECONDITION_FAILED") return { ok: false, problem: "expired" };
    if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") return { ok: false, problem: "invalid" };
    throw error;
  }
}
