import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { BoundedMap } from '../util/index.js'

/**
 * Raw 32-byte curve keys as node:crypto KeyObjects. Parsing a DER key costs
 * about as much as a signature check or a key agreement, so a node's own
 * secrets are parsed once per Uint8Array instance (they are never mutated)
 * and recently seen public keys are kept, a bounded number of them.
 */
export class RawKeyParser {
  private readonly secrets = new WeakMap<Uint8Array, KeyObject>()
  private readonly publics: BoundedMap<string, KeyObject>

  constructor (private readonly pkcs8Prefix: Buffer, private readonly spkiPrefix: Buffer, maxPublics = 4096) {
    this.publics = new BoundedMap(maxPublics)
  }

  secret (raw: Uint8Array): KeyObject {
    let key = this.secrets.get(raw)
    if (key == null) {
      key = createPrivateKey({ key: Buffer.concat([this.pkcs8Prefix, raw]), format: 'der', type: 'pkcs8' })
      this.secrets.set(raw, key)
    }
    return key
  }

  public (raw: Uint8Array): KeyObject {
    const id = Buffer.from(raw).toString('base64')
    let key = this.publics.get(id)
    if (key == null) {
      key = createPublicKey({ key: Buffer.concat([this.spkiPrefix, raw]), format: 'der', type: 'spki' })
      this.publics.set(id, key)
    }
    return key
  }

  /** The raw public key of a KeyObject (private or public). */
  raw (key: KeyObject): Uint8Array {
    const pub = key.type === 'private' ? createPublicKey(key) : key
    return new Uint8Array(pub.export({ format: 'der', type: 'spki' }).subarray(this.spkiPrefix.length))
  }
}
