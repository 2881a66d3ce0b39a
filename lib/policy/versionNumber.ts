/** A version number from an address or query string: a whole number from 1, written plainly. */
export function parseVersionNumber(raw: string | string[] | undefined): number | undefined {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) return undefined
  return Number(raw)
}
