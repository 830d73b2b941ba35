// Yjs awareness is written by each browser and shown in everyone else's editor: the `user`
// field's name labels a remote caret and its colours go into CSS. So it is validated on the
// way through the room (which also requires it to be the sender's own identity) and again
// before another person's editor draws it.
import { z } from "zod";
import { RoomRoleSchema } from "./room-token.ts";

/** Control characters and bidi overrides would let a name disguise itself or the text around it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const DisplayNameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => !UNSAFE_NAME_CHARS.test(name) && name.trim().length > 0, "must be printable text");

/** `#rrggbb`, or `#rrggbbaa` for the translucent selection colour: nothing else reaches CSS. */
export const CursorColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, "must be a #rrggbb(aa) colour");

export const AwarenessUserSchema = z.object({
  id: z.string().min(1).max(64),
  name: DisplayNameSchema,
  role: RoomRoleSchema,
  color: CursorColorSchema,
  colorLight: CursorColorSchema,
});
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;

/** The `user` of an awareness state when it is valid; null when absent or invalid. */
export function awarenessUserOf(state: unknown): AwarenessUser | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const parsed = AwarenessUserSchema.safeParse((state as { user: unknown }).user);
  return parsed.success ? parsed.data : null;
}

/** True when a state either has no `user` or has a valid one. */
export function isAcceptableAwarenessState(state: unknown): boolean {
  if (state === null) return true; // a client going away
  if (typeof state !== "object") return false;
  return !("user" in state) || (state as { user: unknown }).user === undefined || awarenessUserOf(state) !== null;
}
