export { PolicyService, type PolicyServiceComponents } from './policy-service.js'
export { PolicyStore, MAX_POLICIES, type StoredPolicy, type OfferResult } from './policy-store.js'
export * from './chain-policy-registry.js'
