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
  type Score = [number, number, number]
  const positions = after.map((key) => beforeIndex.get(key) ?? 0)
  const weights: Score[] = after.map((key, j) => [
    1,
    n - Math.abs((beforeIndex.get(key) ?? 0) - j),
    n - (keyRank.get(key) ?? 0),
  ])
  const better = (x: Score, y: Score) =>
    x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2]
  const best: Score[] = []
  const previous: number[] = []
  for (let j = 0; j < n; j++) {
    let score: Score = weights[j] ?? [0, 0, 0]
    let from = -1
    for (let k = 0; k < j; k++) {
      const candidate = best[k]
      const weight = weights[j]
      if (!candidate || !weight || (positions[k] ?? 0) >= (positions[j] ?? 0)) continue
      const total: Score = [
        candidate[0] + weight[0],
        candidate[1] + weight[1],
        candidate[2] + weight[2],
      ]
      if (better(total, score)) {
        score = total
        from = k
      }
    }
    best.push(score)
    previous.push(from)
  }
  let end = -1
  best.forEach((score, j) => {
    const current = best[end]
    if (end === -1 || (current && better(score, current))) end = j
  })
  const kept = new Set<string>()
  for (let j = end; j !== -1; j = previous[j] ?? -1) {
    const key = after[j]
    if (key !== undefined) kept.add(key)
  }
  return new Set(after.filter((key) => !kept.has(key)))
}
