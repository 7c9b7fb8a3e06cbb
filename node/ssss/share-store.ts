import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { Key, type Datastore } from 'interface-datastore'
import { encodeSsssRequest, decodeSsssRequest, scalarFromBytes, scalarToBytes, type SecretSpec, type Share } from '../../protocol/ssss/index.js'
import { BoundedMap } from '../../protocol/util/index.js'

export interface StoredShare {
  spec: SecretSpec
  share: Share
  /** A dealt version is served only once the owner commits it. */
  committed: boolean
}

/** What a scan of the whole store found: every record that opens, and the keys of those that do not. */
export interface StoreScan {
  shares: StoredShare[]
  /** Records that fail authentication or decoding (a torn or tampered write would show here). */
  damaged: string[]
}

const PREFIX = '/escrin/ssss'
/** The highest version the owner deleted, per (owner, app): deals at or below it are refused, so a replayed dealing cannot bring a deleted key back. */
const TOMBSTONES = '/escrin/ssss-deleted'
const NONCE = 12
const TAG = 16
/**
 * Secrets whose latest committed version is kept decoded in memory. A key
 * release reads it on every request; without the index each one queried,
 * decrypted and decoded every stored version. Least recently used go first.
 */
export const LATEST_INDEX_MAX = 4096

/**
 * Shares at rest: one datastore record per (owner, app, version), encrypted
 * with a key derived from the node's enclave X25519 secret (ChaCha20-Poly1305,
 * the record's key as associated data, so records cannot be swapped). One
 * record is one LevelDB put, which is atomic: a node killed mid-dealing has
 * the whole share or none of it, and an uncommitted version is never served.
 * A deletion (the versions and the tombstone) is one atomic batch.
 */
export class ShareStore {
  private readonly key: Buffer
  /** (owner, app) -> its latest committed version, or null for none; dropped by every write to that secret. */
  private readonly latest = new BoundedMap<string, StoredShare | null>(LATEST_INDEX_MAX)
  /** Bumped by every write: a read that overlapped a write does not fill the index. */
  private generation = 0

  constructor (private readonly datastore: Datastore, enclaveSecret: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', enclaveSecret, new Uint8Array(), 'escrin-ssss/1 shares at rest', 32))
  }

  private secretPrefix (owner: string, app: string): string {
    return `${PREFIX}/${owner.toLowerCase()}/${Buffer.from(app).toString('hex')}/`
  }

  private path (owner: string, app: string, version: number): Key {
    return new Key(`${this.secretPrefix(owner, app)}${String(version).padStart(16, '0')}`)
  }

  private tombstone (owner: string, app: string): Key {
    return new Key(`${TOMBSTONES}/${owner.toLowerCase()}/${Buffer.from(app).toString('hex')}`)
  }

  private written (owner: string, app: string): void {
    this.generation++
    this.latest.delete(this.secretPrefix(owner, app))
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
    this.written(stored.spec.owner, stored.spec.app)
    try {
      await this.datastore.put(key, this.seal(key, body))
    } finally {
      this.written(stored.spec.owner, stored.spec.app)
    }
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
    for await (const { key, value } of this.datastore.query({ prefix: this.secretPrefix(owner, app) })) {
      const stored = this.open(key, value)
      if (stored != null) out.push(stored)
    }
    return out.sort((a, b) => a.spec.version - b.spec.version)
  }

  /** The newest committed version of (owner, app): what a key release serves. From the in-memory index when it has it. */
  async latestCommitted (owner: string, app: string): Promise<StoredShare | undefined> {
    const id = this.secretPrefix(owner, app)
    const cached = this.latest.get(id)
    if (cached !== undefined) {
      // most recently used last
      this.latest.delete(id)
      this.latest.set(id, cached)
      return cached ?? undefined
    }
    const generation = this.generation
    const found = (await this.versions(owner, app)).filter(v => v.committed).at(-1)
    if (generation === this.generation) {
      this.latest.set(id, found ?? null)
    }
    return found
  }

  async delete (owner: string, app: string, version: number): Promise<void> {
    this.written(owner, app)
    try {
      await this.datastore.delete(this.path(owner, app, version))
    } finally {
      this.written(owner, app)
    }
  }

  /** The highest version of (owner, app) the owner deleted; 0 for none. */
  async deletedUpTo (owner: string, app: string): Promise<number> {
    const key = this.tombstone(owner, app)
    let sealed: Uint8Array
    try {
      sealed = await this.datastore.get(key)
    } catch {
      return 0
    }
    const body = this.unseal(key, sealed)
    // a damaged tombstone refuses every version rather than none: deleted keys stay deleted
    return body?.length === 8 ? Number(body.readBigUInt64BE(0)) : Number.MAX_SAFE_INTEGER
  }

  /**
   * The owner's deletion of `version`: removes it and every older version,
   * and records the tombstone, in one atomic batch. Returns the versions it
   * removed. Holds nothing and writes nothing for a secret it never held, so
   * strangers' deletions cannot grow the store.
   */
  async deleteUpTo (owner: string, app: string, version: number): Promise<number[]> {
    const doomed = (await this.rawVersions(owner, app)).filter(v => v <= version)
    if (doomed.length === 0) return []
    const tombstone = this.tombstone(owner, app)
    const previous = await this.deletedUpTo(owner, app)
    const body = Buffer.alloc(8)
    // (a damaged tombstone, read as "everything", is rewritten by the owner's new deletion)
    body.writeBigUInt64BE(BigInt(previous === Number.MAX_SAFE_INTEGER ? version : Math.max(version, previous)))
    const batch = this.datastore.batch()
    batch.put(tombstone, this.seal(tombstone, body))
    for (const v of doomed) batch.delete(this.path(owner, app, v))
    this.written(owner, app)
    try {
      await batch.commit()
    } finally {
      this.written(owner, app)
    }
    return doomed
  }

  /** Reads every record, for operators and crash tests: which open, which are damaged. */
  async scan (): Promise<StoreScan> {
    const shares: StoredShare[] = []
    const damaged: string[] = []
    for await (const { key, value } of this.datastore.query({ prefix: `${PREFIX}/` })) {
      const stored = this.open(key, value)
      if (stored == null) damaged.push(key.toString())
      else shares.push(stored)
    }
    return { shares, damaged }
  }

  /** The versions stored for (owner, app), from the keys alone (damaged records included, so a deletion removes them too). */
  private async rawVersions (owner: string, app: string): Promise<number[]> {
    const out: number[] = []
    for await (const key of this.datastore.queryKeys({ prefix: this.secretPrefix(owner, app) })) out.push(Number(key.baseNamespace()))
    return out.filter(v => Number.isSafeInteger(v))
  }

  private seal (key: Key, body: Buffer): Uint8Array {
    const nonce = randomBytes(NONCE)
    const cipher = createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG })
    cipher.setAAD(Buffer.from(key.toString()), { plaintextLength: body.length })
    return new Uint8Array(Buffer.concat([nonce, cipher.update(body), cipher.final(), cipher.getAuthTag()]))
  }

  private unseal (key: Key, sealed: Uint8Array): Buffer | undefined {
    try {
      const nonce = sealed.subarray(0, NONCE)
      const tag = sealed.subarray(sealed.length - TAG)
      const decipher = createDecipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG })
      decipher.setAAD(Buffer.from(key.toString()), { plaintextLength: sealed.length - NONCE - TAG })
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(sealed.subarray(NONCE, sealed.length - TAG)), decipher.final()])
    } catch {
      return undefined
    }
  }

  /** Decrypts a record; one that fails authentication (damaged, or moved) counts as absent. */
  private open (key: Key, sealed: Uint8Array): StoredShare | undefined {
    const body = this.unseal(key, sealed)
    if (body == null || body.length < 66) return undefined
    try {
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
