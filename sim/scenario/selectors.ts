import { ScenarioError } from './errors.js'
import { describe } from './units.js'
import type { NodeRef } from './types.js'

const SELECTOR = /^([a-z][a-z0-9-]*)(?:\[(\d+)(?:-(\d+))?\])?$/

/**
 * Resolves node selectors to node names, in scenario order:
 * `all`, a group (`runners`), one node (`runners[2]`) or an inclusive range
 * (`runners[0-3]`); a list of them selects their union.
 */
export function resolveSelector (value: unknown, nodes: readonly NodeRef[], path: string): string[] {
  const items = Array.isArray(value) ? value : [value]
  if (items.length === 0) throw new ScenarioError(path, 'selects no node')
  const chosen = new Set<string>()
  items.forEach((item, k) => {
    const itemPath = Array.isArray(value) ? `${path}[${k}]` : path
    if (typeof item !== 'string') throw new ScenarioError(itemPath, `expected a node selector like "runners", "runners[2]" or "runners[0-3]", got ${describe(item)}`)
    if (item === 'all') {
      for (const n of nodes) chosen.add(n.name)
      return
    }
    const match = SELECTOR.exec(item.trim())
    if (match == null) throw new ScenarioError(itemPath, `expected a node selector like "runners", "runners[2]" or "runners[0-3]", got ${describe(item)}`)
    const group = nodes.filter(n => n.group === match[1])
    if (group.length === 0) throw new ScenarioError(itemPath, `no node group "${match[1]}" (groups: ${[...new Set(nodes.map(n => n.group))].join(', ')})`)
    const from = match[2] != null ? Number(match[2]) : 0
    const to = match[3] != null ? Number(match[3]) : match[2] != null ? from : group.length - 1
    if (from > to || to >= group.length) throw new ScenarioError(itemPath, `group "${match[1]}" has nodes 0 to ${group.length - 1}; "${item}" is out of range`)
    for (const n of group.slice(from, to + 1)) chosen.add(n.name)
  })
  return nodes.filter(n => chosen.has(n.name)).map(n => n.name)
}
