import { Key, type Datastore } from 'interface-datastore'
import { BoundedMap } from '../../protocol/util/index.js'

const PREFIX = '/escrin/code'
/** Worker modules kept decoded in memory; the rest are read from the datastore. */
const MEMORY_ENTRIES = 32

/**
 * Worker code by CID. A client sends code inline the first time (it is
 * verified against its CID before it gets here); later jobs may name the CID
 * only. Persisted, so a restarted runner stays warm for the code it has run.
 */
export class CodeCache {
  private readonly memory = new BoundedMap<string, Uint8Array>(MEMORY_ENTRIES)

  constructor (private readonly datastore?: Datastore) {}

  async put (cid: string, code: Uint8Array): Promise<void> {
    if (this.memory.has(cid)) return // content-addressed: the same id is the same bytes
    this.remember(cid, code)
    await this.datastore?.put(new Key(`${PREFIX}/${cid}`), code)
  }

  async get (cid: string): Promise<Uint8Array | undefined> {
    const hit = this.memory.get(cid)
    if (hit != null) {
      this.remember(cid, hit)
      return hit
    }
    if (this.datastore == null) return undefined
    try {
      const code = await this.datastore.get(new Key(`${PREFIX}/${cid}`))
      this.remember(cid, code)
      return code
    } catch {
      return undefined
    }
  }

  private remember (cid: string, code: Uint8Array): void {
    this.memory.delete(cid)
    this.memory.set(cid, code)
  }
}
