/** A listener's filter: a GROQ filter and its parameters. */
export interface FilterSpec {
  filter: string
  params: Record<string, unknown>
}

/** One filter with its parameters: listeners that share it are matched once. */
export function filterKey(spec: FilterSpec): string {
  return `${spec.filter}\n${JSON.stringify(spec.params)}`
}
