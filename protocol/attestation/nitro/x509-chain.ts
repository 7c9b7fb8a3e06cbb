import { createHash, X509Certificate } from 'node:crypto'
import { readCertificateConstraints } from './der.js'
import { BoundedMap } from '../../util/index.js'
import { describeError, NitroVerificationError } from './errors.js'
import type { CertificateConstraints } from './der.js'

/** Chain links remembered (verifiedLinks). */
const MAX_VERIFIED_LINKS = 4096

/**
 * Certificate signatures already checked, keyed by sha256(issuer DER ‖
 * subject DER) (DER is self-delimiting, so the pair is unambiguous). Four of
 * a Nitro document's five ECDSA P-384 checks are chain links (~0.6 ms each),
 * and they repeat: every record of a node until its leaf rotates (hours), and
 * every node behind the same AWS intermediates. A signature is a function of
 * the two DERs alone, so a remembered success is the check passing again;
 * failures are not remembered, and everything else (names, constraints,
 * validity at the time asked) is checked on every call. Least recently used
 * first out.
 */
const verifiedLinks = new BoundedMap<string, true>(MAX_VERIFIED_LINKS)

/** Forgets every remembered link (benchmarks measure the cold path with it). */
export function forgetVerifiedLinks (): void {
  verifiedLinks.clear()
}

function issuerSigned (issuerDer: Uint8Array, issuer: X509Certificate, subjectDer: Uint8Array, subject: X509Certificate): boolean {
  const key = createHash('sha256').update(issuerDer).update(subjectDer).digest('base64')
  if (verifiedLinks.delete(key)) {
    verifiedLinks.set(key, true)
    return true
  }
  if (!subject.verify(issuer.publicKey)) return false
  verifiedLinks.set(key, true)
  return true
}

/** Parses a DER certificate; `what` names it in the MALFORMED error. */
export function parseCertificate (der: Uint8Array, what: string): X509Certificate {
  try {
    return new X509Certificate(der)
  } catch (err) {
    throw new NitroVerificationError('MALFORMED', `${what} is not a valid X.509 certificate: ${describeError(err)}`, { cause: err })
  }
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

function chainInvalid (message: string, cause?: unknown): NitroVerificationError {
  return new NitroVerificationError('CHAIN_INVALID', message, cause === undefined ? undefined : { cause })
}

function readConstraints (der: Uint8Array, what: string): CertificateConstraints {
  try {
    return readCertificateConstraints(der)
  } catch (err) {
    throw new NitroVerificationError('MALFORMED', `${what} has unreadable extensions: ${describeError(err)}`, { cause: err })
  }
}

/**
 * Checks that `cabundle` (root first) followed by `leaf` is a chain from the
 * pinned `root` to the leaf, valid at `now`.
 *
 * The root is trusted by identity (its exact DER bytes), not by its
 * self-signature. Each later certificate must name the previous one as issuer,
 * carry its signature, and the issuer must be allowed to issue: a CA, with
 * keyCertSign when it restricts key usage, and within its path length. The
 * leaf, whose key signs the document, must allow digital signatures when it
 * restricts key usage. Validity is checked last so that a forged chain is
 * reported as such whatever the time.
 *
 * Revocation is not checked: the intermediates name CRL distribution points,
 * but fetching them needs the network and this module is pure logic. The
 * leaf lives for hours, which bounds the exposure to a compromised enclave key.
 */
export function verifyCertificateChain (cabundle: Uint8Array[], leaf: Uint8Array, root: Uint8Array, now: number): void {
  if (cabundle.length === 0 || !equalBytes(cabundle[0], root)) {
    throw new NitroVerificationError('UNTRUSTED_ROOT', 'cabundle does not start at the trusted root certificate')
  }
  const ders = [...cabundle, leaf]
  const names = ders.map((_, i) => i === ders.length - 1 ? 'leaf certificate' : `cabundle[${i}]`)
  const certificates = ders.map((der, i) => parseCertificate(der, names[i]))
  const constraints = ders.map((der, i) => readConstraints(der, names[i]))

  for (let i = 1; i < certificates.length; i++) {
    const issuer = certificates[i - 1]
    const subject = certificates[i]
    const allowed = constraints[i - 1]
    if (!allowed.ca) {
      throw chainInvalid(`${names[i - 1]} is not a CA but issues ${names[i]}`)
    }
    if (allowed.keyUsage != null && !allowed.keyUsage.keyCertSign) {
      throw chainInvalid(`${names[i - 1]} may not sign certificates`)
    }
    // CA certificates below the issuer, the leaf excluded (RFC 5280 section 4.2.1.9)
    const below = certificates.length - 1 - i
    if (allowed.pathLength != null && below > allowed.pathLength) {
      throw chainInvalid(`${names[i - 1]} allows ${allowed.pathLength} CA certificates below it, the chain has ${below}`)
    }
    if (!subject.checkIssued(issuer)) {
      throw chainInvalid(`${names[i]} is not issued by ${names[i - 1]}`)
    }
    let signed = false
    try {
      signed = issuerSigned(ders[i - 1], issuer, ders[i], subject)
    } catch (err) {
      throw chainInvalid(`${names[i]} signature cannot be checked: ${describeError(err)}`, err)
    }
    if (!signed) {
      throw chainInvalid(`${names[i]} is not signed by ${names[i - 1]}`)
    }
  }
  const leafUsage = constraints[constraints.length - 1].keyUsage
  if (leafUsage != null && !leafUsage.digitalSignature) {
    throw chainInvalid('leaf certificate may not make digital signatures')
  }

  certificates.forEach((certificate, i) => {
    if (now < certificate.validFromDate.getTime()) {
      throw new NitroVerificationError('CERT_NOT_YET_VALID', `${names[i]} is valid only from ${certificate.validFromDate.toISOString()}`)
    }
    if (now > certificate.validToDate.getTime()) {
      throw new NitroVerificationError('CERT_EXPIRED', `${names[i]} expired at ${certificate.validToDate.toISOString()}`)
    }
  })
}
