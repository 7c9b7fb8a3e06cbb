/** Memory and CPU of one node over its life (process mode: its own process). */
export interface NodeResources {
  name: string
  peakRssBytes: number
  lastRssBytes: number
  heapUsedBytes: number
  /** Average CPU over the node's life, in percent of one core. */
  cpuPercent: number
  connections: number
  /** Connections the node opened or accepted over its (latest) life: with `connections`, how much the network churns. */
  connectionsOpened: number
}

interface Track { pid: number, uptimeMs: number, lastT: number, lastCpuUs: number, peakRss: number, lastRss: number, heap: number, connections: number, opened: number, openedSampled: number, prevT: number, prevCpuUs: number }

/**
 * Resource figures. In process mode every node reports its own process's
 * RSS and CPU time; in memory mode all nodes share the simulator's process,
 * whose figures are sampled here and divided among the nodes that are up.
 */
export class ResourceMeter {
  private readonly tracks = new Map<string, Track>()
  private readonly baseline = { rss: process.memoryUsage().rss, cpu: process.cpuUsage(), t: Date.now() }
  private last = { cpuUs: 0, t: Date.now() }

  constructor (private readonly mode: 'memory' | 'process') {}

  /** A node's own report (stats events). */
  report (name: string, t: number, stats: { rss: number, heapUsed: number, cpuUs: number, connections: number, opened: number, pid: number, uptimeMs: number }): void {
    let track = this.tracks.get(name)
    // a restarted node is a new process: its figures start again (the latest life is reported)
    if (track == null || track.pid !== stats.pid) {
      track = { pid: stats.pid, uptimeMs: 0, lastT: t, lastCpuUs: stats.cpuUs, peakRss: 0, lastRss: 0, heap: 0, connections: 0, opened: 0, openedSampled: 0, prevT: t, prevCpuUs: stats.cpuUs }
      this.tracks.set(name, track)
    }
    track.uptimeMs = stats.uptimeMs
    track.prevT = track.lastT
    track.prevCpuUs = track.lastCpuUs
    track.lastT = t
    track.lastCpuUs = stats.cpuUs
    track.peakRss = Math.max(track.peakRss, stats.rss)
    track.lastRss = stats.rss
    track.heap = stats.heapUsed
    track.connections = stats.connections
    // the count restarts with the node (in memory mode a restarted node keeps the simulator's pid)
    if (stats.opened < track.opened) track.openedSampled = 0
    track.opened = stats.opened
  }

  connectionsOf (name: string): number | undefined {
    return this.tracks.get(name)?.connections
  }

  /**
   * Connections opened by the nodes in `upNodes` since the last call (each
   * node's reports since then), for the time series: a settled network opens
   * few; every connection costs a handshake, identify, Hello and syncs at
   * both ends.
   */
  openedSinceLast (upNodes: string[]): number {
    let opened = 0
    for (const name of upNodes) {
      const track = this.tracks.get(name)
      if (track == null) continue
      opened += Math.max(0, track.opened - track.openedSampled)
      track.openedSampled = track.opened
    }
    return opened
  }

  /** A sample of the whole run now: total RSS and CPU (percent of one core) of all nodes, for the time series. */
  sample (upNodes: string[]): { rssBytes: number, cpuPercent: number } {
    if (this.mode === 'memory') {
      const now = Date.now()
      const cpu = process.cpuUsage(this.baseline.cpu)
      const cpuUs = cpu.user + cpu.system
      const percent = now > this.last.t ? ((cpuUs - this.last.cpuUs) / 1000) / (now - this.last.t) * 100 : 0
      this.last = { cpuUs, t: now }
      return { rssBytes: process.memoryUsage().rss, cpuPercent: percent }
    }
    let rss = 0
    let cpu = 0
    for (const name of upNodes) {
      const track = this.tracks.get(name)
      if (track == null) continue
      rss += track.lastRss
      if (track.lastT > track.prevT) cpu += ((track.lastCpuUs - track.prevCpuUs) / 1000) / (track.lastT - track.prevT) * 100
    }
    return { rssBytes: rss, cpuPercent: cpu }
  }

  /** Per-node figures; in memory mode the process's growth and CPU shared equally by `nodeCount`. */
  perNode (nodeCount: number): { nodes: NodeResources[], average: { rssBytes: number, cpuPercent: number }, basis: string } {
    if (this.mode === 'memory') {
      const elapsed = Date.now() - this.baseline.t
      const cpu = process.cpuUsage(this.baseline.cpu)
      const cpuPercent = elapsed > 0 ? ((cpu.user + cpu.system) / 1000) / elapsed * 100 : 0
      const growth = Math.max(0, process.memoryUsage().rss - this.baseline.rss)
      const n = Math.max(1, nodeCount)
      return { nodes: [], average: { rssBytes: Math.round(growth / n), cpuPercent: cpuPercent / n }, basis: `one process for all nodes: RSS growth since start and CPU over the run, divided by ${n} nodes` }
    }
    const nodes = [...this.tracks.entries()].map(([name, t]) => ({
      name,
      peakRssBytes: t.peakRss,
      lastRssBytes: t.lastRss,
      heapUsedBytes: t.heap,
      // over the process's whole life, start-up included: what the node costs a machine
      cpuPercent: t.uptimeMs > 0 ? (t.lastCpuUs / 1000) / t.uptimeMs * 100 : 0,
      connections: t.connections,
      connectionsOpened: t.opened
    }))
    const avg = (f: (n: NodeResources) => number): number => nodes.length === 0 ? 0 : nodes.reduce((s, n) => s + f(n), 0) / nodes.length
    return { nodes, average: { rssBytes: Math.round(avg(n => n.peakRssBytes)), cpuPercent: avg(n => n.cpuPercent) }, basis: 'each node its own process: peak RSS, and CPU time over the process\'s life (start-up included)' }
  }
}
