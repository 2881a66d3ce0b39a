/**
 * From a query's result, typed by Sanity TypeGen (sanity.types.ts), to the domain's types
 * (lib/policy/types.ts). TypeGen types every field the schema does not require, and every field
 * of a projection, as possibly missing (`null`); the domain names what a version must have.
 * What a field holds when it is there is checked here at compile time: a query that drops a field
 * the domain reads, or a schema whose field changes type, fails `npm run typecheck`. Whether it is
 * there is the content's business: the site verifies every version it shows field by field
 * (lib/policy/verification.ts) and says when one does not verify.
 */

/** The result with every value present: what each field holds when it holds anything. */
export type Present<T> = T extends readonly (infer Item)[]
  ? Present<Item>[]
  : T extends object
    ? {[Key in keyof T]-?: Present<NonNullable<T[Key]>>}
    : NonNullable<T>

/** A result TypeGen did not type (`any`: a query it could not read) fits nothing. */
type Fits<Result, Domain> = 0 extends 1 & Result
  ? [resultIsNotTyped: never]
  : Present<Result> extends Domain
    ? []
    : [resultDoesNotFitTheDomainType: never]

/**
 * The result as the domain type the caller names (`const versions: PolicyVersion[] =
 * asDomain(result)`), allowed only when every value present in the result fits that type: a
 * call that does not fit fails with "Expected 2 arguments".
 */
export function asDomain<Domain, Result>(result: Result, ..._fits: Fits<Result, Domain>): Domain {
  return result as unknown as Domain
}
