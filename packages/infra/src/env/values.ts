// Variable types every package reads the same way.
import { z } from "zod";

/** On/off switches: 1/true/yes or 0/false/no; unset is off. */
export const envFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

/** Shared secrets (HMAC keys): long enough that guessing is hopeless. */
export const envSecret = z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)");

/** A base URL; a trailing slash is dropped so `${url}/path` never doubles it. */
export const envBaseUrl = z.url().transform((value) => value.replace(/\/+$/, ""));

export const envNodeEnv = z.enum(["development", "production", "test"]).default("development");
