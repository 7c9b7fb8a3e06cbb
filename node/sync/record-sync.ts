import { lpStream } from '@libp2p/utils'
import type { PeerId, Stream } from '@libp2p/interface'

/**
 * Pull sync of signed records (attestations, policies): right after
 * connecting, each side asks the other for every record it holds. Gossip
 * alone misses late joiners (a record a node already has is not forwarded
 * again), and re-flooding every record on every join would cost a flood per
 * join.
 *
 * Wire format: a 4-byte big-endian count, then that many length-prefixed
 * records. Every read is bounded in size, count and time.
 */
export interface RecordSyncLimits {
  /** Largest single record. */
  maxRecordBytes: number
  /** Records one sync carries at most (a node may hold more; the rest arrives by gossip). */
  maxRecords: number
  /** Deadline of a whole sync. */
  timeoutMs: number
}

/** The peer broke the sync protocol (a bad header, too many or too large records). */
export class RecordSyncError extends Error {
  override readonly name = 'RecordSyncError'
}

export async function serveRecords (stream: Stream, records: Uint8Array[], limits: RecordSyncLimits): Promise<void> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  try {
    const sent = records.slice(0, limits.maxRecords).filter(r => r.byteLength <= limits.maxRecordBytes)
    const lp = lpStream(stream, { maxDataLength: limits.maxRecordBytes })
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
 * Fetches a peer's records and hands each to `onRecord` in order. Errors
 * `onRecord` throws end the sync and propagate (the caller decides whether
 * the peer is at fault); a protocol violation raises RecordSyncError.
 */
export async function pullRecords (dialer: PullDialer, peer: PeerId, protocol: string, limits: RecordSyncLimits, onRecord: (bytes: Uint8Array) => Promise<void>): Promise<void> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let stream: Stream | undefined
  try {
    stream = await dialer.dialProtocol(peer, protocol, { signal })
    const lp = lpStream(stream, { maxDataLength: limits.maxRecordBytes })
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
      await onRecord(record)
    }
    await stream.close({ signal })
  } catch (err) {
    stream?.abort(err as Error)
    throw err
  }
}

/** it-length-prefixed's errors for a length over the bound or an invalid varint. */
function isLengthError (err: unknown): boolean {
  return /InvalidDataLength|InvalidMessageLength|InvalidLengthPrefix/.test((err as Error)?.name ?? '')
}
