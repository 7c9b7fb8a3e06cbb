import { Buffer } from 'node:buffer'

/**
 * The AWS Nitro Enclaves root certificate (CN=aws.nitro-enclaves, valid
 * 2019-10-28 to 2049-10-28), as published by AWS in
 * AWS_NitroEnclaves_Root-G1.zip. It is pinned here rather than read from disk
 * so that what a node trusts is part of the audited source. Every attestation
 * chain must start at exactly these bytes.
 */
const AWS_NITRO_ROOT_BASE64 =
  'MIICETCCAZagAwIBAgIRAPkxdWgbkK/hHUbMtOTn+FYwCgYIKoZIzj0EAwMwSTELMAkGA1UEBhMC' +
  'VVMxDzANBgNVBAoMBkFtYXpvbjEMMAoGA1UECwwDQVdTMRswGQYDVQQDDBJhd3Mubml0cm8tZW5j' +
  'bGF2ZXMwHhcNMTkxMDI4MTMyODA1WhcNNDkxMDI4MTQyODA1WjBJMQswCQYDVQQGEwJVUzEPMA0G' +
  'A1UECgwGQW1hem9uMQwwCgYDVQQLDANBV1MxGzAZBgNVBAMMEmF3cy5uaXRyby1lbmNsYXZlczB2' +
  'MBAGByqGSM49AgEGBSuBBAAiA2IABPwCVOumCMHzaHDimtqQvkY4MpJzbolL//Zy2YlES1BR5TSk' +
  'sfbb48C8WBoyt7F2Bw7eEtaaP+ohG2bnUs990d0JX28TcPQXCEPZ3BABIeTPYwEoCWZEh8l5YoQw' +
  'TcU/9KNCMEAwDwYDVR0TAQH/BAUwAwEB/zAdBgNVHQ4EFgQUkCW1DdkFR+eWw5b6cp3PmanfS5Yw' +
  'DgYDVR0PAQH/BAQDAgGGMAoGCCqGSM49BAMDA2kAMGYCMQCjfy+Rocm9Xue4YnwWmNJVA44fA0P5' +
  'W2OpYow9OYCVRaEevL8uO1XYru5xtMPWrfMCMQCi85sWBbJwKKXdS6BptQFuZbT73o/gBh1qUxl/' +
  'nNr12UO8Yfwr6wPLb+6NIwLz3/Y='

/**
 * SHA-256 of the DER above, checked by a unit test so that an edit to the
 * base64 cannot go unnoticed. Operators can compare it with the certificate in
 * the AWS zip.
 */
export const AWS_NITRO_ROOT_SHA256 = '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b'

const AWS_NITRO_ROOT_DER: Uint8Array = Uint8Array.from(Buffer.from(AWS_NITRO_ROOT_BASE64, 'base64'))

/** The pinned root as DER. A fresh copy each call, so no caller can alter what others trust. */
export function awsNitroRootCertificate (): Uint8Array {
  return AWS_NITRO_ROOT_DER.slice()
}

/** The pinned root without a copy, for the verifier's own read-only use. */
export function pinnedRoot (): Uint8Array {
  return AWS_NITRO_ROOT_DER
}
