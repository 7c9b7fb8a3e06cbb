/**
 * Just enough DER to read two certificate extensions node:crypto does not
 * expose: basicConstraints' path length and keyUsage. The certificate has
 * already been parsed by OpenSSL (X509Certificate), so this only walks a
 * structure known to be well formed, but it still checks every bound.
 */

const TAG_BOOLEAN = 0x01
const TAG_INTEGER = 0x02
const TAG_BIT_STRING = 0x03
const TAG_OCTET_STRING = 0x04
const TAG_OID = 0x06
const TAG_SEQUENCE = 0x30
/** [3] EXPLICIT, the extensions field of TBSCertificate (RFC 5280 section 4.1) */
const TAG_EXTENSIONS = 0xa3

/** DER content of OID 2.5.29.19 (id-ce-basicConstraints) */
const OID_BASIC_CONSTRAINTS = Uint8Array.from([0x55, 0x1d, 0x13])
/** DER content of OID 2.5.29.15 (id-ce-keyUsage) */
const OID_KEY_USAGE = Uint8Array.from([0x55, 0x1d, 0x0f])

/** keyUsage bits (RFC 5280 section 4.2.1.3), in the first content byte after the unused-bits count */
const KEY_USAGE_DIGITAL_SIGNATURE = 0x80
const KEY_USAGE_KEY_CERT_SIGN = 0x04

interface Tlv {
  tag: number
  /** the content, without tag and length */
  content: Uint8Array
  /** offset of the next TLV in the enclosing buffer */
  next: number
}

function readTlv (bytes: Uint8Array, offset: number): Tlv {
  if (offset + 2 > bytes.length) {
    throw new Error('DER: truncated header')
  }
  const tag = bytes[offset]
  let length = bytes[offset + 1]
  let start = offset + 2
  if (length >= 0x80) {
    // long form; certificates are small, so more than 3 length bytes is an error
    const count = length & 0x7f
    if (count === 0 || count > 3 || start + count > bytes.length) {
      throw new Error('DER: bad length')
    }
    length = 0
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[start + i]
    }
    start += count
  }
  if (start + length > bytes.length) {
    throw new Error('DER: truncated content')
  }
  return { tag, content: bytes.subarray(start, start + length), next: start + length }
}

function children (bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = []
  for (let offset = 0; offset < bytes.length;) {
    const tlv = readTlv(bytes, offset)
    out.push(tlv)
    offset = tlv.next
  }
  return out
}

function expect (tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (tlv?.tag !== tag) {
    throw new Error(`DER: expected ${what}`)
  }
  return tlv
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** What a certificate allows its key to do, as far as chain building cares. */
export interface CertificateConstraints {
  /** basicConstraints cA; false when the extension is absent */
  ca: boolean
  /** basicConstraints pathLenConstraint, when present */
  pathLength?: number
  /** keyUsage, when the extension is present (absent means unrestricted) */
  keyUsage?: { digitalSignature: boolean, keyCertSign: boolean }
}

/** Reads basicConstraints and keyUsage from a DER certificate. Throws on malformed DER. */
export function readCertificateConstraints (der: Uint8Array): CertificateConstraints {
  const certificate = expect(readTlv(der, 0), TAG_SEQUENCE, 'Certificate')
  const tbs = expect(children(certificate.content)[0], TAG_SEQUENCE, 'TBSCertificate')
  const constraints: CertificateConstraints = { ca: false }
  const extensions = children(tbs.content).find(tlv => tlv.tag === TAG_EXTENSIONS)
  if (extensions == null) {
    return constraints
  }
  const list = expect(readTlv(extensions.content, 0), TAG_SEQUENCE, 'Extensions')
  for (const extension of children(list.content)) {
    const [oid, ...rest] = children(expect(extension, TAG_SEQUENCE, 'Extension').content)
    expect(oid, TAG_OID, 'extnID')
    // the optional `critical` BOOLEAN sits between the OID and the value
    const value = expect(rest[0]?.tag === TAG_BOOLEAN ? rest[1] : rest[0], TAG_OCTET_STRING, 'extnValue')
    if (equalBytes(oid.content, OID_BASIC_CONSTRAINTS)) {
      Object.assign(constraints, readBasicConstraints(value.content))
    } else if (equalBytes(oid.content, OID_KEY_USAGE)) {
      constraints.keyUsage = readKeyUsage(value.content)
    }
  }
  return constraints
}

function readBasicConstraints (bytes: Uint8Array): Pick<CertificateConstraints, 'ca' | 'pathLength'> {
  const fields = children(expect(readTlv(bytes, 0), TAG_SEQUENCE, 'BasicConstraints').content)
  let ca = false
  let index = 0
  if (fields[index]?.tag === TAG_BOOLEAN) {
    ca = fields[index].content.length === 1 && fields[index].content[0] !== 0
    index++
  }
  const pathLen = fields[index]
  if (pathLen == null) {
    return { ca }
  }
  const integer = expect(pathLen, TAG_INTEGER, 'pathLenConstraint').content
  // a non-negative INTEGER; four bytes is far beyond any real chain
  if (integer.length === 0 || integer.length > 4 || (integer[0] & 0x80) !== 0) {
    throw new Error('DER: bad pathLenConstraint')
  }
  return { ca, pathLength: integer.reduce((n, byte) => n * 256 + byte, 0) }
}

function readKeyUsage (bytes: Uint8Array): NonNullable<CertificateConstraints['keyUsage']> {
  const bits = expect(readTlv(bytes, 0), TAG_BIT_STRING, 'KeyUsage').content
  const first = bits.length > 1 ? bits[1] : 0
  return {
    digitalSignature: (first & KEY_USAGE_DIGITAL_SIGNATURE) !== 0,
    keyCertSign: (first & KEY_USAGE_KEY_CERT_SIGN) !== 0
  }
}
