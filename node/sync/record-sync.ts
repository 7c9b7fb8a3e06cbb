import { createHash } from 'node:crypto'
import { isOversizeFrame, lengthPrefixed, LIBRARY_MAX_BUFFER_BYTES, type LengthPrefixed } from '../host/length-prefixed.js'
import type { PeerId, Stream } from '@libp2p/interface'

/**
 * Pull sync of signed records (attestations, policies) by set difference:
 * right after connecting, each side sends the other the ids of the records it
 * already holds and gets back only the ones it lacks. Gossip alone misses
 * late joiners (a record a node already has is not forwarded again), and
 * re-flooding every record on every join would cost a flood per join.
 *
 * Sending the ids first matters at scale: kad-dht connects most pairs of a
 * network, so a node of N makes about N syncs. Pulling every record on each
 * made a join cost O(N^2) record transfers and decodes across the network; a
 * node in sync now gets an empty answer, so after its first sync a joining
 * node pulls almost nothing and the network's syncs with it return only its
 * own record.
 *
 * Wire format, requester first: one length-prefixed frame of concatenated
 * RECORD_ID_BYTES ids (possibly empty); then the responder writes a 4-byte
 * big-endian count and that many length-prefixed records. Every read is
 * bounded in size, count and time.
 */
export interface RecordSyncLimits {
  /** Largest single record. */
  maxRecordBytes: number
  /** Records one sync carries at most, and ids a request may list (a node may hold more; the rest arrives by gossip). */
  maxRecords: number
  /** Deadline of a whole sync. */
  timeoutMs: number
}

/** Bytes of a record id: a prefix of the record's SHA-256, long enough that no two records a node meets collide. */
export const RECORD_ID_BYTES = 16

/** The id a record is known by in a sync request. */
export function recordId (bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest().subarray(0, RECORD_ID_BYTES)
}

/** A record as a sync serves it: its bytes and its id (callers cache ids, records rarely change). */
export interface SyncRecord {
  bytes: Uint8Array
  id: Uint8Array
}

/** The peer broke the sync protocol (a bad request or header, too many or too large records). */
export class RecordSyncError extends Error {
  override readonly name = 'RecordSyncError'
}

function idKey (id: Uint8Array): string {
  return Buffer.from(id.buffer, id.byteOffset, id.byteLength).toString('latin1')
}

/**
 * Answers one sync: reads the requester's ids, then sends the records it does
 * not list. A malformed request aborts the stream and throws RecordSyncError
 * (the caller decides on a penalty); any other failure only aborts the stream.
 */
export async function serveRecords (stream: Stream, records: SyncRecord[], limits: RecordSyncLimits): Promise<void> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  const lp = syncFrames(stream, limits)
  let request: Uint8Array
  try {
    request = (await lp.read({ signal })).subarray()
  } catch (err) {
    stream.abort(err as Error)
    if (isLengthError(err)) throw new RecordSyncError(`sync request: ${(err as Error).message}`)
    return
  }
  if (request.byteLength % RECORD_ID_BYTES !== 0) {
    const err = new RecordSyncError(`sync request of ${request.byteLength} bytes is not a list of ${RECORD_ID_BYTES}-byte ids`)
    stream.abort(err)
    throw err
  }
  try {
    const held = new Set<string>()
    for (let at = 0; at < request.byteLength; at += RECORD_ID_BYTES) held.add(idKey(request.subarray(at, at + RECORD_ID_BYTES)))
    const sent: Uint8Array[] = []
    for (const record of records) {
      if (sent.length >= limits.maxRecords) break
      if (record.bytes.byteLength <= limits.maxRecordBytes && !held.has(idKey(record.id))) sent.push(record.bytes)
    }
    const count = new Uint8Array(4)
    new DataView(count.buffer).setUint32(0, sent.length)
    await lp.writeV([count, ...sent], { signal })
    await stream.close({ signal })
  } catch (err) {
    stream.abort(err as Error)
  }
}

export interface PullDialer {
  dialProtocol(peer: PeerId, protocol: string, options: { signal: AbortSignal }): Promise<Stream>
}

/**
 * Sends the ids of the records this node holds (`held`, at most
 * limits.maxRecords of them) and hands each record the peer sends back to
 * `onRecord`, in order. Errors `onRecord` throws end the sync and propagate
 * (the caller decides whether the peer is at fault); a protocol violation
 * raises RecordSyncError.
 */
export async function pullRecords (dialer: PullDialer, peer: PeerId, protocol: string, limits: RecordSyncLimits, held: Uint8Array[], onRecord: (bytes: Uint8Array) => Promise<void>): Promise<void> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let stream: Stream | undefined
  try {
    stream = await dialer.dialProtocol(peer, protocol, { signal })
    const lp = syncFrames(stream, limits)
    const ids = held.slice(0, limits.maxRecords).filter(id => id.byteLength === RECORD_ID_BYTES)
    await lp.write(ids.length === 1 ? ids[0] : Buffer.concat(ids), { signal })
    let header: Uint8Array
    try {
      header = (await lp.read({ signal })).subarray()
    } catch (err) {
      throw isLengthError(err) ? new RecordSyncError(`sync header: ${(err as Error).message}`) : err
    }
    if (header.byteLength !== 4) throw new RecordSyncError('sync header is not a 4-byte count')
    const count = new DataView(header.buffer, header.byteOffset, 4).getUint32(0)
    if (count > limits.maxRecords) throw new RecordSyncError(`sync announces ${count} records, more than ${limits.maxRecords}`)
    for (let i = 0; i < count; i++) {
      let record: Uint8Array
      try {
        record = (await lp.read({ signal })).subarray()
      } catch (err) {
        throw isLengthError(err) ? new RecordSyncError(`record ${i}: ${(err as Error).message}`) : err
      }
      if (record.byteLength > limits.maxRecordBytes) throw new RecordSyncError(`record ${i} is ${record.byteLength} bytes, more than ${limits.maxRecordBytes}`)
      await onRecord(record)
    }
    await stream.close({ signal })
  } catch (err) {
    stream?.abort(err as Error)
    throw err
  }
}

/** it-length-prefixed's errors for a length over the bound or an invalid varint (not a full buffer: see syncFrames). */
function isLengthError (err: unknown): boolean {
  return isOversizeFrame(err) && (err as Error).name !== 'StreamBufferError'
}

/**
 * A sync stream's messages. The records come back to back, as many as were
 * asked for, faster than they are verified: the stream may buffer the
 * library's 4 MiB, and filling it is not held against the sender.
 */
function syncFrames (stream: Stream, limits: RecordSyncLimits): LengthPrefixed {
  return lengthPrefixed(stream, { maxDataLength: Math.max(limits.maxRecordBytes, limits.maxRecords * RECORD_ID_BYTES), maxBufferSize: LIBRARY_MAX_BUFFER_BYTES })
}
