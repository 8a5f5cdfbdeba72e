import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** argon2id cost; verification reads the cost from the stored hash, so changing it never locks anyone out. */
export interface PasswordHashCost {
  memoryKib: number
  iterations: number
}

/** argon2id (the library's default algorithm) with a random salt, as a PHC string `$argon2id$v=19$m=…`. */
export function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  return hash(password, { memoryCost: cost.memoryKib, timeCost: cost.iterations, parallelism: 1 })
}

/** A hash of no one's password, so an unknown e-mail costs the same time as a wrong password. */
let decoy: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | null, password: string, cost: PasswordHashCost): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword(randomToken(), cost)
    await verify(await decoy, password).catch(() => false)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** 256 random bits, base64url (43 characters): session ids, CSRF tokens and mailed one-time tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as their SHA-256, so a copy of the database opens no session and no link. */
export function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Compares a presented token with a stored digest in constant time. */
export function matchesDigest(token: string, storedDigest: string): boolean {
  const presented = Buffer.from(digest(token), 'hex')
  const stored = Buffer.from(storedDigest, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

/** A password nobody types: 20 characters from an alphabet without look-alikes (for seeded demo accounts). */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(length * 2)
  let password = ''
  for (let i = 0; i < bytes.length && password.length < length; i += 1) {
    const byte = bytes[i]!
    if (byte < 256 - (256 % alphabet.length)) password += alphabet[byte % alphabet.length]
  }
  return password.length === length ? password : generatePassword(length)
}
