export { createNodeMetrics, type NodeMetrics, type MetricsSources } from './metrics.js'
