import type { EscrinNode } from '../../node/escrin-node.js'

/**
 * Records when each of a node's peer-finder walks starts (performance.now()),
 * by wrapping its walk method: tests of the finder's schedule count them.
 */
export function recordWalks (node: EscrinNode): number[] {
  const starts: number[] = []
  const walk = node.finder.walk.bind(node.finder)
  node.finder.walk = async () => {
    starts.push(performance.now())
    return await walk()
  }
  return starts
}
