#!/usr/bin/env node
// Entry point of the escrin-node command. libp2p 3 needs Node.js 22
// (Promise.withResolvers and friends); npm scripts and npx run this with the
// Node 22 that `npm ci` installs into node_modules/.bin, so check and explain
// rather than fail deep inside a dependency.
if (typeof Promise.withResolvers !== 'function') {
  console.error(`escrin-node: needs Node.js 22 or later, this is ${process.version}.`)
  console.error('Run it through npm (npm start, npx escrin-node ...), which uses the Node 22 installed with the project, or install Node 22.')
  process.exit(1)
}
// Compile the node once per machine rather than once per process: the
// simulator's process mode starts one process per node. Children inherit the
// cache through the environment; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module')
const compileCache = process.env.NODE_DISABLE_COMPILE_CACHE == null ? enableCompileCache?.() : undefined
if (compileCache?.directory != null) process.env.NODE_COMPILE_CACHE ??= compileCache.directory
let cli
try {
  // the bundle of dist/node/cli/main.js (scripts/bundle.js): one file loads in a fifth of the time
  cli = await import('../dist/bundle/escrin-node.js')
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bundle/escrin-node.js')) {
    console.error('escrin-node: not built yet; run "npm run build" first.')
    process.exit(1)
  }
  throw err
}
process.exitCode = await cli.main(process.argv.slice(2))
// A clean shutdown leaves nothing running and the process exits on its own;
// should a dependency leave a handle open, do not hang past a grace period.
setTimeout(() => process.exit(process.exitCode), 2000).unref()
