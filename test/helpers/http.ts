/** GETs JSON from a node's API and fails on a non-2xx status. */
export async function getJson<T = any> (base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) })
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`)
  return await res.json() as T
}
