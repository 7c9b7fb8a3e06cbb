import { mkdir, readFile, rename, stat, writeFile, open } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { IDENTITY_FILE } from '../constants.js'
import { StartupError } from '../errors.js'
import type { PrivateKey } from '@libp2p/interface'

/**
 * Prepares the data dir (created with owner-only permissions if missing) and
 * returns the node's libp2p key from it, creating an Ed25519 key on first use.
 * The key is written to a temporary file, synced and renamed into place, so a
 * crash never leaves a truncated key behind and a restart keeps the peer id.
 */
export async function loadOrCreateIdentity (dataDir: string): Promise<{ key: PrivateKey, created: boolean }> {
  await prepareDataDir(dataDir)
  const path = join(dataDir, IDENTITY_FILE)
  let bytes: Uint8Array | undefined
  try {
    bytes = await readFile(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') throw new StartupError(`cannot read ${path}: ${code ?? (err as Error).message}`)
  }
  if (bytes !== undefined) {
    try {
      return { key: privateKeyFromProtobuf(bytes), created: false }
    } catch (err) {
      // never overwrite: the file may be an operator's key in another format
      throw new StartupError(`${path} does not hold a libp2p private key (${(err as Error).message}); move it away to create a new identity`)
    }
  }
  const key = await generateKeyPair('Ed25519')
  const tmp = `${path}.${process.pid}.tmp`
  try {
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(privateKeyToProtobuf(key))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
  } catch (err) {
    throw new StartupError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  return { key, created: true }
}

async function prepareDataDir (dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw new StartupError(`cannot use data dir ${dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  const info = await stat(dataDir).catch((err: NodeJS.ErrnoException) => {
    throw new StartupError(`cannot use data dir ${dataDir}: ${err.code ?? err.message}`)
  })
  if (!info.isDirectory()) throw new StartupError(`data dir ${dataDir} is not a directory`)
  // prove it is writable now rather than failing later inside LevelDB
  const probe = join(dataDir, `.write-probe.${process.pid}`)
  try {
    await writeFile(probe, '')
    await rename(probe, probe + '.done')
    const { rm } = await import('node:fs/promises')
    await rm(probe + '.done', { force: true })
  } catch (err) {
    throw new StartupError(`data dir ${dataDir} is not writable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
}
