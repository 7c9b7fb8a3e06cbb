import { randomBytes } from 'node:crypto'

/**
 * A job id is 16 bytes: the client's clock in milliseconds (8 bytes, big
 * endian) and 8 random bytes. The time half lets a runner keep "executed at
 * most once" forever with bounded memory: it remembers the ids of a window,
 * and refuses ids older than the window outright, so a replay is either
 * remembered or too old. The id is bound into the input's AEAD associated
 * data, so it cannot be changed without the input failing to decrypt.
 */
export const JOB_ID_BYTES = 16
/** How far a job id's time may lag the runner's clock (queueing, clock skew). */
export const JOB_ID_MAX_AGE_MS = 10 * 60_000
/** How far it may lead (clock skew). */
export const JOB_ID_MAX_AHEAD_MS = 60_000

export function newJobId (now = Date.now()): Uint8Array {
  const id = new Uint8Array(JOB_ID_BYTES)
  new DataView(id.buffer).setBigUint64(0, BigInt(now))
  id.set(randomBytes(8), 8)
  return id
}

export function jobIdTime (id: Uint8Array): number {
  return Number(new DataView(id.buffer, id.byteOffset, id.byteLength).getBigUint64(0))
}

/** Why a job id cannot be accepted now, or undefined when it can. */
export function jobIdProblem (id: Uint8Array, now: number): string | undefined {
  if (id.length !== JOB_ID_BYTES) return `a job id is ${JOB_ID_BYTES} bytes`
  const t = jobIdTime(id)
  if (t < now - JOB_ID_MAX_AGE_MS) return `job id is from ${new Date(t).toISOString()}, older than ${JOB_ID_MAX_AGE_MS / 60_000} min`
  if (t > now + JOB_ID_MAX_AHEAD_MS) return `job id is from ${new Date(t).toISOString()}, ahead of this runner's clock`
  return undefined
}

export function jobIdHex (id: Uint8Array): string {
  return Buffer.from(id).toString('hex')
}
