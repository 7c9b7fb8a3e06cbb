import type { Role } from './facts.js'
import type { Field } from './fields.js'

/**
 * A parsed, validated and normalised predicate. Only `parsePredicate` makes
 * these; every other function of the module assumes one came from it (values
 * normalised, `in` lists sorted and without duplicates, limits respected).
 * Objects are frozen so a compiled closure and the tree it came from can never
 * disagree.
 */
export type Predicate =
  | ConstPredicate
  | AllPredicate
  | AnyPredicate
  | NotPredicate
  | ComparePredicate
  | InPredicate
  | HasPredicate

/** A value a field is compared with: strings for identifiers, bigint for bond, number for reliability. */
export type Value = string | bigint | number

export interface ConstPredicate { readonly op: 'const', readonly value: boolean }
export interface AllPredicate { readonly op: 'all', readonly args: readonly Predicate[] }
export interface AnyPredicate { readonly op: 'any', readonly args: readonly Predicate[] }
export interface NotPredicate { readonly op: 'not', readonly arg: Predicate }
export interface ComparePredicate { readonly op: 'eq' | 'ne' | 'gte' | 'lte' | 'gt' | 'lt', readonly field: Field, readonly value: Value }
export interface InPredicate { readonly op: 'in', readonly field: Field, readonly values: readonly Value[] }
export interface HasPredicate { readonly op: 'has', readonly field: 'roles', readonly value: Role }
