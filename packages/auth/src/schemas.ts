// Form field schemas shared by the server and the browser (this module has no server-only
// imports, so client bundles can use it through `@interviewlm/auth/schemas`).
import { z } from "zod";

// 10 characters: NIST SP 800-63B asks for at least 8, we add a little margin; no composition
// rules (they push people to predictable patterns). 128 caps the work handed to argon2.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const PasswordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

// 254: the longest address SMTP can carry (RFC 5321 path limit minus the angle brackets).
export const EmailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

export const NameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");
