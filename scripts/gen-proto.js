#!/usr/bin/env node
// Generates proto/gen/<name>.js (a protobufjs static module) and its .d.ts from
// every proto/*.proto. The output is committed; test/unit/proto-gen.spec.ts
// regenerates into a temporary folder and fails if the committed copy differs.
//
//   node scripts/gen-proto.js [OUT_DIR]
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = resolve(process.argv[2] ?? join(root, 'proto', 'gen'))
const bin = (name) => join(root, 'node_modules', 'protobufjs-cli', 'bin', name)

mkdirSync(outDir, { recursive: true })
for (const file of readdirSync(join(root, 'proto')).filter(f => f.endsWith('.proto')).sort()) {
  const base = file.replace(/\.proto$/, '')
  const js = join(outDir, `${base}.js`)
  execFileSync(process.execPath, [bin('pbjs'), '-t', 'static-module', '-w', 'es6', '--no-delimited', '--no-typeurl', '-o', js, join('proto', file)], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [bin('pbts'), '--no-comments', '-o', join(outDir, `${base}.d.ts`), js], { cwd: root, stdio: 'inherit' })
}
