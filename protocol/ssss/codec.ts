import { escrin } from '../../proto/gen/escrin.js'
import { checkLength, decodeMessage, encodeMessage, WireError, wireInteger } from '../wire/index.js'
import type { SealedBox } from '../job/index.js'
import type { ShareRequest } from './get-request.js'
import type { SecretControl, SecretSpec } from './spec.js'
import { MAX_HOLDERS } from './pedersen.js'
import { SSSS_FAILURE_CODES } from './errors.js'
import { MAX_POLICY_NAME_LENGTH } from '../policy/constants.js'

export const SSSS_PROTOCOL = '/escrin/ssss/1'
/** Share requests and their replies over one long-lived stream per (requester, holder): see SsssCall. */
export const SSSS_GET_PROTOCOL = '/escrin/ssss-get/1'
export const MAX_SSSS_MESSAGE_BYTES = 64 * 1024
/** A channel frame: a call id and one message of the one-shot protocol (a few bytes of envelope). */
export const MAX_SSSS_FRAME_BYTES = MAX_SSSS_MESSAGE_BYTES + 16
const MAX_PEER_ID_BYTES = 64

export type SsssRequest = { deal: { spec: SecretSpec, share: SealedBox } } | { control: SecretControl } | { get: ShareRequest }
export type SsssResponse = { share: { spec: SecretSpec, share: SealedBox } } | { ok: true } | { failure: { code: number, message: string } }

const u8 = (b: Uint8Array | null | undefined): Uint8Array => b == null ? new Uint8Array() : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const hex = (b: Uint8Array): `0x${string}` => `0x${Buffer.from(b).toString('hex')}`
const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.slice(2), 'hex'))

function exact (field: string, b: Uint8Array | null | undefined, n: number): void {
  if (b?.length !== n) throw new WireError('INVALID_FIELD', `${field}: ${b?.length ?? 0} bytes, expected ${n}`)
}

function safe (field: string, v: unknown): number {
  const n = wireInteger(v)
  if (!Number.isSafeInteger(n) || n < 0) throw new WireError('INVALID_FIELD', `${field}: not a safe integer`)
  return n
}

function name (field: string, s: string | null | undefined): string {
  if (s == null || s.length === 0) throw new WireError('INVALID_FIELD', `${field}: missing`)
  checkLength(field, s, MAX_POLICY_NAME_LENGTH)
  return s
}

function box (field: string, b: escrin.ISealedBox | null | undefined): SealedBox {
  if (b == null) throw new WireError('INVALID_FIELD', `${field}: missing`)
  exact(`${field}.ephemeral_public`, b.ephemeralPublic, 32)
  exact(`${field}.nonce`, b.nonce, 12)
  exact(`${field}.ciphertext`, b.ciphertext, 64 + 16)
  return { ephemeralPublic: u8(b.ephemeralPublic), nonce: u8(b.nonce), ciphertext: u8(b.ciphertext) }
}

function specToWire (s: SecretSpec): escrin.ISecretSpec {
  return { owner: unhex(s.owner), app: s.app, custody: s.custody, version: s.version, threshold: s.threshold, holders: s.holders, commitments: s.commitments, signature: unhex(s.signature) }
}

function specFromWire (m: escrin.ISecretSpec | null | undefined): SecretSpec {
  if (m == null) throw new WireError('INVALID_FIELD', 'spec: missing')
  exact('spec.owner', m.owner, 20)
  exact('spec.signature', m.signature, 65)
  const holders = (m.holders ?? []).map(u8)
  const commitments = (m.commitments ?? []).map(u8)
  if (holders.length < 2 || holders.length > MAX_HOLDERS) throw new WireError('INVALID_FIELD', `spec.holders: ${holders.length}, expected 2..${MAX_HOLDERS}`)
  for (const h of holders) checkLength('spec.holders[]', h, MAX_PEER_ID_BYTES)
  const threshold = safe('spec.threshold', m.threshold)
  if (threshold < 2 || threshold > holders.length) throw new WireError('INVALID_FIELD', 'spec.threshold: must be 2..holders')
  if (commitments.length !== threshold) throw new WireError('INVALID_FIELD', 'spec.commitments: one per coefficient (threshold)')
  for (const c of commitments) exact('spec.commitments[]', c, 33)
  return {
    owner: hex(u8(m.owner)).toLowerCase() as `0x${string}`,
    app: name('spec.app', m.app),
    custody: name('spec.custody', m.custody),
    version: safe('spec.version', m.version),
    threshold,
    holders,
    commitments,
    signature: hex(u8(m.signature))
  }
}

export function encodeSsssRequest (r: SsssRequest): Uint8Array {
  if ('deal' in r) return encodeMessage(escrin.SsssRequest, { deal: { spec: specToWire(r.deal.spec), share: r.deal.share } })
  if ('control' in r) {
    const c = r.control
    return encodeMessage(escrin.SsssRequest, { control: { owner: unhex(c.owner), app: c.app, version: c.version, action: escrin.SecretControl.Action[c.action], issuedAtMs: c.issuedAtMs, signature: unhex(c.signature) } })
  }
  const g = r.get
  return encodeMessage(escrin.SsssRequest, { get: { owner: unhex(g.owner), app: g.app, version: g.version, replyX25519: g.replyX25519, timestampMs: g.timestampMs, nonce: g.nonce, signature: g.signature } })
}

/** Decodes and validates a request; WireError on anything malformed. */
export function decodeSsssRequest (bytes: Uint8Array): SsssRequest {
  const m = decodeMessage(escrin.SsssRequest, bytes, MAX_SSSS_MESSAGE_BYTES)
  if (m.deal != null) return { deal: { spec: specFromWire(m.deal.spec), share: box('deal.share', m.deal.share) } }
  if (m.control != null) {
    const c = m.control
    exact('control.owner', c.owner, 20)
    exact('control.signature', c.signature, 65)
    const action = c.action === escrin.SecretControl.Action.COMMIT ? 'COMMIT' : c.action === escrin.SecretControl.Action.DELETE ? 'DELETE' : undefined
    if (action == null) throw new WireError('INVALID_FIELD', 'control.action: unknown')
    return { control: { owner: hex(u8(c.owner)).toLowerCase() as `0x${string}`, app: name('control.app', c.app), version: safe('control.version', c.version), action, issuedAtMs: safe('control.issued_at_ms', c.issuedAtMs), signature: hex(u8(c.signature)) } }
  }
  if (m.get != null) {
    const g = m.get
    exact('get.owner', g.owner, 20)
    exact('get.reply_x25519', g.replyX25519, 32)
    exact('get.nonce', g.nonce, 16)
    exact('get.signature', g.signature, 64)
    return { get: { owner: hex(u8(g.owner)).toLowerCase() as `0x${string}`, app: name('get.app', g.app), version: safe('get.version', g.version), replyX25519: u8(g.replyX25519), timestampMs: safe('get.timestamp_ms', g.timestampMs), nonce: u8(g.nonce), signature: u8(g.signature) } }
  }
  throw new WireError('INVALID_FIELD', 'an SSSS request needs one of deal, control, get')
}

/** `knownSpec`: the owner signature of a spec the requester holds (a channel call's); a share of that spec is encoded without it. */
export function encodeSsssResponse (r: SsssResponse, knownSpec?: `0x${string}`): Uint8Array {
  if ('share' in r) {
    const spec = r.share.spec.signature === knownSpec ? undefined : specToWire(r.share.spec)
    return encodeMessage(escrin.SsssResponse, { share: { spec, share: r.share.share } })
  }
  if ('ok' in r) return encodeMessage(escrin.SsssResponse, { ok: true })
  return encodeMessage(escrin.SsssResponse, { failure: r.failure })
}

export function decodeSsssResponse (bytes: Uint8Array): SsssResponse {
  const response = decodeResponse(bytes)
  if ('knownSpecShare' in response) throw new WireError('INVALID_FIELD', 'spec: missing')
  return response
}

/**
 * A response on a channel: as decodeSsssResponse, or a share whose spec was
 * left out because the call named it (SsssCall.known_spec); the channel puts
 * the named spec back.
 */
export type SsssChannelResponse = SsssResponse | { knownSpecShare: SealedBox }

/** A failure's code, refused unless this version knows it (DESIGN: decoders reject unknown enum values; a new code is a new protocol version). */
function failureCode (code: number | null | undefined): number {
  if (!SSSS_FAILURE_CODES.has(code ?? 0)) throw new WireError('INVALID_FIELD', `failure.code: unknown or unspecified value ${code ?? 0}`)
  return code as number
}

function decodeResponse (bytes: Uint8Array): SsssChannelResponse {
  const m = decodeMessage(escrin.SsssResponse, bytes, MAX_SSSS_MESSAGE_BYTES)
  if (m.share != null) {
    const share = box('share.share', m.share.share)
    return m.share.spec == null ? { knownSpecShare: share } : { share: { spec: specFromWire(m.share.spec), share } }
  }
  if (m.ok === true) return { ok: true }
  if (m.failure != null) {
    checkLength('failure.message', m.failure.message, 1024)
    return { failure: { code: failureCode(m.failure.code), message: m.failure.message ?? '' } }
  }
  throw new WireError('INVALID_FIELD', 'an SSSS response needs one of share, ok, failure')
}

/**
 * One call over an /escrin/ssss-get/1 channel: `id` (a uint32) matches its
 * reply; `knownSpec`, the owner signature of a spec the requester holds, lets
 * a share of that spec come back without it.
 */
export interface SsssFrame { id: number, body: Uint8Array, knownSpec?: `0x${string}` }

export function encodeSsssCall (id: number, request: SsssRequest, knownSpec?: `0x${string}`): Uint8Array {
  return encodeMessage(escrin.SsssCall, { id, request: encodeSsssRequest(request), ...(knownSpec != null ? { knownSpec: unhex(knownSpec) } : {}) })
}

/** The call's id and its (still encoded) request: a malformed request can then be answered under its id. */
export function decodeSsssCall (bytes: Uint8Array): SsssFrame {
  const m = decodeMessage(escrin.SsssCall, bytes, MAX_SSSS_FRAME_BYTES)
  if (m.knownSpec == null || m.knownSpec.length === 0) return { id: m.id ?? 0, body: u8(m.request) }
  exact('call.known_spec', m.knownSpec, 65)
  return { id: m.id ?? 0, body: u8(m.request), knownSpec: hex(u8(m.knownSpec)) }
}

/** A reply to a call; a share of the spec the call named (`knownSpec`) goes without the spec. */
export function encodeSsssReply (id: number, response: SsssResponse, knownSpec?: `0x${string}`): Uint8Array {
  return encodeMessage(escrin.SsssReply, { id, response: encodeSsssResponse(response, knownSpec) })
}

export function decodeSsssReply (bytes: Uint8Array): { id: number, response: SsssChannelResponse } {
  const m = decodeMessage(escrin.SsssReply, bytes, MAX_SSSS_FRAME_BYTES)
  return { id: m.id ?? 0, response: decodeResponse(u8(m.response)) }
}
