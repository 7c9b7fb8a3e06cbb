import { Buffer } from 'node:buffer'
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encode } from 'cborg'
import { devVerifier, nitroVerifier, type EvidenceVerifier } from '../../protocol/attestation/index.js'
import type { EvidenceProducer } from '../../node/attestations/index.js'

// A minimal DER writer, so tests can build their own PKI: node:crypto signs
// but cannot make certificates, and the real sample alone cannot reach
// FROM_FUTURE, CHAIN_INVALID or the field bounds with a valid signature, nor
// carry a node's binding. These certificates follow the shape of the AWS ones.

function tlv (tag: number, ...parts: Uint8Array[]): Uint8Array {
  const content = Buffer.concat(parts)
  const length: number[] = []
  if (content.length < 0x80) {
    length.push(content.length)
  } else {
    for (let n = content.length; n > 0; n = Math.floor(n / 256)) length.unshift(n % 256)
    length.unshift(0x80 | length.length)
  }
  return Uint8Array.from([tag, ...length, ...content])
}
const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, ...parts)
const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, ...parts)
const bool = (value: boolean): Uint8Array => tlv(0x01, Uint8Array.of(value ? 0xff : 0))
const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes)
const explicit = (n: number, ...parts: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...parts)

function integer (n: number): Uint8Array {
  const bytes: number[] = []
  for (let v = n; v > 0 || bytes.length === 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  if ((bytes[0] & 0x80) !== 0) bytes.unshift(0)
  return tlv(0x02, Uint8Array.from(bytes))
}

function oid (dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split('.').map(Number)
  const bytes = [40 * a + b]
  for (const arc of rest) {
    const base128 = [arc & 0x7f]
    for (let v = arc >>> 7; v > 0; v >>>= 7) base128.unshift(0x80 | (v & 0x7f))
    bytes.push(...base128)
  }
  return tlv(0x06, Uint8Array.from(bytes))
}

function utcTime (ms: number): Uint8Array {
  // YYMMDDHHMMSSZ, valid for 1950-2049 (RFC 5280 section 4.1.2.5.1)
  const text = new Date(ms).toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'
  return tlv(0x17, Buffer.from(text, 'ascii'))
}

function bitString (bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(0x03, Uint8Array.of(unusedBits), bytes)
}

const name = (cn: string): Uint8Array => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))))
const ECDSA_SHA384 = seq(oid('1.2.840.10045.4.3.3'))
export const KU_DIGITAL_SIGNATURE = 0x80
export const KU_KEY_CERT_SIGN = 0x04
export const KU_CRL_SIGN = 0x02

export interface CertSpec {
  subject: string
  issuer: string
  publicKey: KeyObject
  signingKey: KeyObject
  notBefore: number
  notAfter: number
  /** omit for no basicConstraints extension */
  ca?: boolean
  pathLength?: number
  /** first keyUsage byte; omit for no keyUsage extension */
  keyUsage?: number
}

let serial = 1
export function certificate (spec: CertSpec): Uint8Array {
  const extensions: Uint8Array[] = []
  if (spec.ca != null) {
    const fields = [...(spec.ca ? [bool(true)] : []), ...(spec.pathLength != null ? [integer(spec.pathLength)] : [])]
    extensions.push(seq(oid('2.5.29.19'), bool(true), octets(seq(...fields))))
  }
  if (spec.keyUsage != null) {
    let unused = 0
    while (unused < 7 && (spec.keyUsage & (1 << unused)) === 0) unused++
    extensions.push(seq(oid('2.5.29.15'), bool(true), octets(bitString(Uint8Array.of(spec.keyUsage), unused))))
  }
  const tbs = seq(
    explicit(0, integer(2)),
    integer(serial++),
    ECDSA_SHA384,
    name(spec.issuer),
    seq(utcTime(spec.notBefore), utcTime(spec.notAfter)),
    name(spec.subject),
    new Uint8Array(spec.publicKey.export({ type: 'spki', format: 'der' })),
    ...(extensions.length > 0 ? [explicit(3, seq(...extensions))] : [])
  )
  return seq(tbs, ECDSA_SHA384, bitString(sign('sha384', tbs, spec.signingKey)))
}

/** A COSE_Sign1 over `payload`, signed ES384 (Nitro's one algorithm) by `signingKey`. */
export function signNitroDocument (payload: Uint8Array, signingKey: KeyObject, protectedHeader: Uint8Array = encode(new Map([[1, -35]]))): Uint8Array {
  const signature = new Uint8Array(sign('sha384', encode(['Signature1', protectedHeader, new Uint8Array(0), payload]), { key: signingKey, dsaEncoding: 'ieee-p1363' }))
  return encode([protectedHeader, new Map(), payload, signature])
}

const HOUR = 60 * 60 * 1000

/** What a synthetic document says; the rest is as the NSM writes it. */
export interface NitroDocumentSpec {
  /** The 32 bytes the document carries as user_data (a node's enclave binding). */
  binding: Uint8Array
  /** PCR0, the enclave image measurement, 48 bytes as hex. */
  pcr0: string
  /** Unix ms; default now. */
  timestamp?: number
}

/** The certificates of a PKI (DER) and the leaf's signing key. */
interface PkiParts { root: Uint8Array, intermediate: Uint8Array, leaf: Uint8Array, leafKey: KeyObject }

/**
 * A private Nitro PKI (root, intermediate, leaf: P-384, as AWS's) whose leaf
 * signs real COSE_Sign1 attestation documents: what nodes outside an enclave
 * can make to run the Nitro verifier end to end. Nodes trust its root through
 * `verifiers()` or `--nitro-root`. Certificates are valid for a day around
 * the time it is made.
 */
export class TestNitroPki {
  readonly root: Uint8Array
  readonly intermediate: Uint8Array
  readonly leaf: Uint8Array
  private readonly leafKey: KeyObject

  constructor (parts: PkiParts = makePki(Date.now())) {
    this.root = parts.root
    this.intermediate = parts.intermediate
    this.leaf = parts.leaf
    this.leafKey = parts.leafKey
  }

  /** A document as the NSM makes it, signed by the leaf. */
  document (spec: NitroDocumentSpec): Uint8Array {
    const pcrs = new Map<number, Uint8Array>([[0, Buffer.from(spec.pcr0, 'hex')], ...[1, 2, 3, 4].map(i => [i, new Uint8Array(48)] as [number, Uint8Array])])
    const payload = new Map<string, unknown>([
      ['module_id', 'i-0123456789abcdef0-enc0123456789abcdef'],
      ['digest', 'SHA384'],
      ['timestamp', spec.timestamp ?? Date.now()],
      ['pcrs', pcrs],
      ['certificate', this.leaf],
      ['cabundle', [this.root, this.intermediate]],
      ['public_key', null],
      ['user_data', spec.binding],
      ['nonce', null]
    ])
    return signNitroDocument(encode(payload), this.leafKey)
  }

  /** A node's evidence: a fresh document for its binding, measured as `pcr0`. */
  evidence (pcr0: string): EvidenceProducer {
    return binding => ({ kind: 'nitro', data: this.document({ binding, pcr0 }) })
  }

  /** Verifiers that check dev evidence and Nitro evidence under this root. */
  verifiers (): Map<string, EvidenceVerifier> {
    return new Map([['dev', devVerifier], ['nitro', nitroVerifier({ rootCertificate: this.root })]])
  }

  /** Writes the certificates (DER) and the leaf key (PEM) to `dir`, for another process to `load`. */
  save (dir: string): void {
    writeFileSync(join(dir, 'root.der'), this.root)
    writeFileSync(join(dir, 'intermediate.der'), this.intermediate)
    writeFileSync(join(dir, 'leaf.der'), this.leaf)
    writeFileSync(join(dir, 'leaf.key.pem'), this.leafKey.export({ type: 'pkcs8', format: 'pem' }))
  }

  static load (dir: string): TestNitroPki {
    const file = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)))
    return new TestNitroPki({ root: file('root.der'), intermediate: file('intermediate.der'), leaf: file('leaf.der'), leafKey: createPrivateKey(readFileSync(join(dir, 'leaf.key.pem'))) })
  }
}

function makePki (now: number): PkiParts {
  const [root, intermediate, leaf] = [p384(), p384(), p384()]
  const valid = { notBefore: now - 24 * HOUR, notAfter: now + 24 * HOUR }
  return {
    root: certificate({ subject: 'Test Nitro Root', issuer: 'Test Nitro Root', publicKey: createPublicKey(root), signingKey: root, ...valid, ca: true, keyUsage: KU_KEY_CERT_SIGN | KU_CRL_SIGN }),
    intermediate: certificate({ subject: 'Test Nitro Intermediate', issuer: 'Test Nitro Root', publicKey: createPublicKey(intermediate), signingKey: root, ...valid, ca: true, pathLength: 0, keyUsage: KU_KEY_CERT_SIGN }),
    leaf: certificate({ subject: 'Test Nitro Leaf', issuer: 'Test Nitro Intermediate', publicKey: createPublicKey(leaf), signingKey: intermediate, ...valid, ca: false, keyUsage: KU_DIGITAL_SIGNATURE }),
    leafKey: leaf
  }
}

function p384 (): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey
}
