import { randomBytes } from 'node:crypto'
import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { ed25519, x25519 } from '@noble/curves/ed25519.js'
import { StartupError } from '../errors.js'

/**
 * The node's enclave keys (X25519 for encryption, Ed25519 for signing) and,
 * on a devnet, its operator's Ethereum key. Outside a TEE these are software
 * keys kept in the data dir (owner-only, written atomically); which is exactly
 * what "dev" evidence admits to.
 */
export interface EnclaveKeys {
  x25519Secret: Uint8Array
  x25519Public: Uint8Array
  signingSecret: Uint8Array
  signingPublic: Uint8Array
  operatorKey: `0x${string}`
}

const FILE = 'enclave.key'
const LENGTH = 96 // x25519 secret, ed25519 secret, operator secp256k1 secret

export function deriveEnclaveKeys (secret: Uint8Array): EnclaveKeys {
  const x25519Secret = secret.slice(0, 32)
  const signingSecret = secret.slice(32, 64)
  return {
    x25519Secret,
    x25519Public: x25519.getPublicKey(x25519Secret),
    signingSecret,
    signingPublic: ed25519.getPublicKey(signingSecret),
    operatorKey: `0x${Buffer.from(secret.slice(64, 96)).toString('hex')}`
  }
}

export function generateEnclaveKeys (): EnclaveKeys {
  return deriveEnclaveKeys(new Uint8Array(randomBytes(LENGTH)))
}

export async function loadOrCreateEnclaveKeys (dataDir: string): Promise<EnclaveKeys> {
  const path = join(dataDir, FILE)
  try {
    const bytes = await readFile(path)
    if (bytes.length !== LENGTH) throw new StartupError(`${path} is ${bytes.length} bytes, expected ${LENGTH}; move it away to create new enclave keys`)
    return deriveEnclaveKeys(new Uint8Array(bytes))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof StartupError) throw err
      throw new StartupError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    }
  }
  const secret = new Uint8Array(randomBytes(LENGTH))
  const tmp = `${path}.${process.pid}.tmp`
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(secret)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, path)
  return deriveEnclaveKeys(secret)
}
