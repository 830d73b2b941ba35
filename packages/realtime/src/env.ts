// The room secret, declared once for both holders: the web app signs room tokens and checks the
// rooms' requests with it; the rooms verify tokens and sign their requests with it.
import { defineEnv, envSecret } from "@interviewlm/infra/env";

export const roomSecretEnv = defineEnv({
  /** Signs room tokens and the rooms' requests to the web app (shared by both, ≥ 32 chars). */
  ROOM_TOKEN_SECRET: envSecret,
  /** The secret before a rotation: tokens and requests it signed still verify until they expire. */
  ROOM_TOKEN_SECRET_PREVIOUS: envSecret.optional(),
});
