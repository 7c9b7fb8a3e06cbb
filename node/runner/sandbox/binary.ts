import { createRequire } from 'node:module'

/**
 * The workerd executable. The `workerd` package's main export is the path of the platform
 * package's binary (@cloudflare/workerd-<os>-<arch>), which npm installs as an optional
 * dependency, so this works after a clean `npm ci` even when install scripts are not run
 * (then `workerd/bin/workerd` is only a JS shim, and killing the shim would orphan workerd).
 */
export function workerdBinary (): string {
  const require = createRequire(import.meta.url)
  const main = require('workerd') as { default: string }
  return main.default
}
