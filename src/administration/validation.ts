import { ValidationError } from "../errors.js";
import type { Role } from "../generated/prisma/enums.js";

// NUL cannot be stored by PostgreSQL and the other control characters only hide what a name says
const CONTROL = /[\u0000-\u001f\u007f]/;
const NAME_MAX = 100;
const EMAIL_MAX = 254; // RFC 5321's path limit

/** An optional display name: trimmed, at most 100 characters, no control characters; "" is none. */
export function validName(path: string[], value: string | null | undefined): string | null {
  const name = value?.trim() ?? "";
  if (!name) return null;
  if (name.length > NAME_MAX) throw ValidationError.field(path, `The name may have at most ${NAME_MAX} characters`);
  if (CONTROL.test(name)) throw ValidationError.field(path, "The name may not contain control characters");
  return name;
}

/** An email as the identity provider's `email` claim will carry it: one @, something on both sides. */
export function validEmail(path: string[], value: string): string {
  const email = value.trim();
  if (email.length > EMAIL_MAX) throw ValidationError.field(path, `The email may have at most ${EMAIL_MAX} characters`);
  if (CONTROL.test(email) || !/^[^\s@]+@[^\s@]+$/.test(email)) throw ValidationError.field(path, "Not an email address");
  return email;
}

/** ADMIN is above MEMBER: a key may have its user's role or a lower one, never a higher one. */
export const roleWithin = (role: Role, limit: Role) => role === "MEMBER" || limit === "ADMIN";
