import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The real command, as a user runs it (run with the same Node as the tests). */
export const BIN = fileURLToPath(new URL('../../../bin/escrin-node.js', import.meta.url))

export interface RunResult { code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }

/** Runs the CLI to completion (bounded by timeoutMs) and collects its output. */
export async function runCli (args: string[], options: { env?: NodeJS.ProcessEnv, timeoutMs?: number } = {}): Promise<RunResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  return await collect(child, options.timeoutMs ?? 30_000)
}

/** Starts the CLI and returns the child, for commands that run until signalled. */
export function spawnCli (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess & { output: { stdout: string, stderr: string } } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }) as ChildProcess & { output: { stdout: string, stderr: string } }
  child.output = { stdout: '', stderr: '' }
  child.stdout?.on('data', (d: Buffer) => { child.output.stdout += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { child.output.stderr += d.toString() })
  return child
}

export async function waitForExit (child: ChildProcess, timeoutMs: number): Promise<{ code: number | null, signal: NodeJS.Signals | null }> {
  if (child.exitCode != null || child.signalCode != null) return { code: child.exitCode, signal: child.signalCode }
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`process did not exit within ${timeoutMs} ms`)) }, timeoutMs)
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal }) })
  })
}

async function collect (child: ChildProcess, timeoutMs: number): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString() })
  const { code, signal } = await waitForExit(child, timeoutMs)
  return { code, signal, stdout, stderr }
}
