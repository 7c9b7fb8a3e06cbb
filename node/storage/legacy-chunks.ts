import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Key, type Datastore } from 'interface-datastore'

/**
 * Stores written before blob files kept each chunk on its own, by the hex
 * sha256 of its bytes: as a datastore value under this prefix (the first
 * layout), or as a file `DIR/xx/<hash>` (the second). BlobStore.start()
 * copies such a store's blobs into blob files once; these read what is left.
 */
const LEGACY_DATASTORE_CHUNKS = '/escrin/blobs/chunk'

/** A legacy chunk's bytes, or undefined when neither layout has it (the blob then reads as damaged, and repair restores it). */
export async function readLegacyChunk (datastore: Datastore, dir: string | undefined, hash: string): Promise<Uint8Array | undefined> {
  if (dir != null) {
    try {
      return new Uint8Array(await readFile(join(dir, hash.slice(0, 2), hash)))
    } catch {}
  }
  try {
    return await datastore.get(new Key(`${LEGACY_DATASTORE_CHUNKS}/${hash}`))
  } catch {
    return undefined
  }
}

/** Removes the legacy datastore chunks, once every blob has been copied out (legacy chunk files go with start()'s sweep). */
export async function dropLegacyChunks (datastore: Datastore): Promise<void> {
  for await (const key of datastore.queryKeys({ prefix: LEGACY_DATASTORE_CHUNKS })) await datastore.delete(key)
}
