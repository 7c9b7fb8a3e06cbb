// Bundles the compiled node (dist/, from tsc) into dist/bundle/, which is what
// bin/escrin-node.js runs: the command itself and the simulator's node process.
//
// Why: loading the node as ~2,000 separate ES modules costs about 1.1 s of CPU
// and 137 MiB per process (most of it the module loader resolving, reading and
// linking files), the bundle about 0.2 s and 83 MiB. `escrin-node start` comes
// up faster, and the simulator's process mode starts a hundred node processes
// on two cores. Tests import dist/ directly; the CLI tests run the bundle.
//
// Not bundled: packages that find files next to their own code at run time
// (classic-level loads its native addon, workerd names its binary), and the
// development dependencies a devnet on a local chain loads when asked (solc,
// anvil's platform package).
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist/bundle`

await rm(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: {
    'escrin-node': 'dist/node/cli/main.js',
    // next to the command's chunk: the process cluster finds it as ./node-process.js
    'node-process': 'dist/sim/runtime/node-process.js'
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['classic-level', 'workerd', 'solc', '@foundry-rs/*'],
  // CommonJS dependencies (protobufjs, prom-client) call require() for Node's builtins
  banner: { js: "import { createRequire as escrinCreateRequire } from 'node:module'; const require = escrinCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning'
})
