import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { Key, type Datastore } from 'interface-datastore'
import { encodeSsssRequest, decodeSsssRequest, scalarFromBytes, scalarToBytes, type SecretSpec, type Share } from '../../protocol/ssss/index.js'

export interface StoredShare {
  spec: SecretSpec
  share: Share
  /** A dealt version is served only once the owner commits it. */
  committed: boolean
}

const PREFIX = '/escrin/ssss'
const NONCE = 12
const TAG = 16

/**
 * Shares at rest: one datastore record per (owner, app, version), encrypted
 * with a key derived from the node's enclave X25519 secret (ChaCha20-Poly1305,
 * the record's key as associated data, so records cannot be swapped). One
 * record is one LevelDB put, which is atomic: a node killed mid-dealing has
 * the whole share or none of it, and an uncommitted version is never served.
 */
export class ShareStore {
  private readonly key: Buffer

  constructor (private readonly datastore: Datastore, enclaveSecret: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', enclaveSecret, new Uint8Array(), 'escrin-ssss/1 shares at rest', 32))
  }

  private path (owner: string, app: string, version: number): Key {
    return new Key(`${PREFIX}/${owner.toLowerCase()}/${Buffer.from(app).toString('hex')}/${String(version).padStart(16, '0')}`)
  }

  async put (stored: StoredShare): Promise<void> {
    const key = this.path(stored.spec.owner, stored.spec.app, stored.spec.version)
    // layout: committed (1) | index (1) | value (32) | blinding (32) | the spec in its wire form (a deal message with an empty box)
    const spec = encodeSsssRequest({ deal: { spec: stored.spec, share: { ephemeralPublic: new Uint8Array(32), nonce: new Uint8Array(12), ciphertext: new Uint8Array(80) } } })
    const body = Buffer.concat([
      Buffer.from([stored.committed ? 1 : 0, stored.share.index]),
      Buffer.from(scalarToBytes(stored.share.value)),
      Buffer.from(scalarToBytes(stored.share.blinding)),
      Buffer.from(spec)
    ])
    const nonce = randomBytes(NONCE)
    const cipher = createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG })
    cipher.setAAD(Buffer.from(key.toString()), { plaintextLength: body.length })
    await this.datastore.put(key, new Uint8Array(Buffer.concat([nonce, cipher.update(body), cipher.final(), cipher.getAuthTag()])))
  }

  async get (owner: string, app: string, version: number): Promise<StoredShare | undefined> {
    const key = this.path(owner, app, version)
    let sealed: Uint8Array
    try {
      sealed = await this.datastore.get(key)
    } catch {
      return undefined
    }
    return this.open(key, sealed)
  }

  /** Every stored version of (owner, app), oldest first. */
  async versions (owner: string, app: string): Promise<StoredShare[]> {
    const out: StoredShare[] = []
    for await (const { key, value } of this.datastore.query({ prefix: `${PREFIX}/${owner.toLowerCase()}/${Buffer.from(app).toString('hex')}/` })) {
      const stored = this.open(key, value)
      if (stored != null) out.push(stored)
    }
    return out.sort((a, b) => a.spec.version - b.spec.version)
  }

  async delete (owner: string, app: string, version: number): Promise<void> {
    await this.datastore.delete(this.path(owner, app, version))
  }

  /** Decrypts a record; one that fails authentication (damaged, or moved) counts as absent. */
  private open (key: Key, sealed: Uint8Array): StoredShare | undefined {
    try {
      const nonce = sealed.subarray(0, NONCE)
      const tag = sealed.subarray(sealed.length - TAG)
      const decipher = createDecipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG })
      decipher.setAAD(Buffer.from(key.toString()), { plaintextLength: sealed.length - NONCE - TAG })
      decipher.setAuthTag(tag)
      const body = Buffer.concat([decipher.update(sealed.subarray(NONCE, sealed.length - TAG)), decipher.final()])
      const request = decodeSsssRequest(body.subarray(66))
      if (!('deal' in request)) return undefined
      return {
        committed: body[0] === 1,
        share: { index: body[1], value: scalarFromBytes(body.subarray(2, 34)), blinding: scalarFromBytes(body.subarray(34, 66)) },
        spec: request.deal.spec
      }
    } catch {
      return undefined
    }
  }
}
