/**
 * Which sections moved between two orders of the same keys.
 *
 * A section moved when it is not part of the largest set of sections that kept their order
 * relative to each other (a longest common subsequence of the two orders of the keys present in
 * both). Added and removed sections do not count, so inserting a section moves nothing. When
 * several largest sets exist, the one kept is the one whose sections travelled least, then the one
 * keeping the keys that sort first, so that the answer does not depend on which version is passed
 * first: when A B becomes B A, the same section is "moved" both ways.
 */
export function movedKeys(
  beforeOrder: readonly string[],
  afterOrder: readonly string[],
): Set<string> {
  const inAfter = new Set(afterOrder)
  const inBefore = new Set(beforeOrder)
  const before = beforeOrder.filter((key) => inAfter.has(key))
  const after = afterOrder.filter((key) => inBefore.has(key))
  const n = after.length
  const beforeIndex = new Map(before.map((key, i) => [key, i]))
  const keyRank = new Map([...after].sort().map((key, i) => [key, i]))

  // Longest increasing subsequence of earlier positions, read in the later order, maximising
  // (count, closeness, key preference) lexicographically. Quadratic, which is nothing for a
  // policy's few hundred sections.
  const positions = after.map((key) => beforeIndex.get(key) ?? 0)
  const closeness = after.map((key, j) => n - Math.abs((beforeIndex.get(key) ?? 0) - j))
  const preference = after.map((key) => n - (keyRank.get(key) ?? 0))
  const count: number[] = []
  const close: number[] = []
  const prefer: number[] = []
  const previous: number[] = []
  const better = (c1: number, c2: number, c3: number, j: number) =>
    c1 !== (count[j] ?? 0)
      ? c1 > (count[j] ?? 0)
      : c2 !== (close[j] ?? 0)
        ? c2 > (close[j] ?? 0)
        : c3 > (prefer[j] ?? 0)
  let end = -1
  for (let j = 0; j < n; j++) {
    count[j] = 1
    close[j] = closeness[j] ?? 0
    prefer[j] = preference[j] ?? 0
    previous[j] = -1
    for (let k = 0; k < j; k++) {
      if ((positions[k] ?? 0) >= (positions[j] ?? 0)) continue
      const c1 = (count[k] ?? 0) + 1
      const c2 = (close[k] ?? 0) + (closeness[j] ?? 0)
      const c3 = (prefer[k] ?? 0) + (preference[j] ?? 0)
      if (better(c1, c2, c3, j)) {
        count[j] = c1
        close[j] = c2
        prefer[j] = c3
        previous[j] = k
      }
    }
    if (end === -1 || better(count[j] ?? 0, close[j] ?? 0, prefer[j] ?? 0, end)) end = j
  }
  const kept = new Set<string>()
  for (let j = end; j !== -1; j = previous[j] ?? -1) {
    const key = after[j]
    if (key !== undefined) kept.add(key)
  }
  return new Set(after.filter((key) => !kept.has(key)))
}
