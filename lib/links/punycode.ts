/**
 * Punycode decoding (RFC 3492), only to show an internationalised host name readably.
 * The WHATWG URL parser already gives the ASCII form, which stays the one used for comparisons;
 * Web APIs offer no way back to Unicode, and this code must run in the Studio's browser bundle too.
 */

const BASE = 36
const T_MIN = 1
const T_MAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128
const MAX_CODE_POINT = 0x10ffff

function adapt(delta: number, points: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / points)
  let k = 0
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN))
    k += BASE
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW))
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22 // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41 // A-Z → 0-25
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 // a-z → 0-25
  return BASE
}

/** Decodes one Punycode label (without its `xn--` prefix); undefined when it is not valid. */
export function decodePunycode(input: string): string | undefined {
  const output: number[] = []
  const delimiter = input.lastIndexOf('-')
  for (let j = 0; j < delimiter; j++) {
    const code = input.charCodeAt(j)
    if (code >= 0x80) return undefined
    output.push(code)
  }
  let n = INITIAL_N
  let bias = INITIAL_BIAS
  let i = 0
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length;) {
    const previous = i
    for (let weight = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined
      const digit = digitOf(input.charCodeAt(index++))
      if (digit >= BASE) return undefined
      i += digit * weight
      if (i > Number.MAX_SAFE_INTEGER / BASE) return undefined
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
      if (digit < threshold) break
      weight *= BASE - threshold
    }
    const length = output.length + 1
    bias = adapt(i - previous, length, previous === 0)
    n += Math.floor(i / length)
    i %= length
    if (n > MAX_CODE_POINT) return undefined
    output.splice(i++, 0, n)
  }
  return String.fromCodePoint(...output)
}

// Cyrillic and Greek letters that pass for Latin ones in a lower-case host name.
const LATIN_LOOKALIKES = /^[аеорсухіјѕԁԛԝӏһԍвкмнтьαεικνορτυχ]+$/u
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u]

/**
 * Whether a decoded label could pass for another name: Latin mixed with Cyrillic or Greek
 * (`pаypal`), or, under a Latin top-level domain, made only of Cyrillic or Greek letters that look
 * Latin (`аррӏе.com`; `москва.рф` is fine).
 */
function isDeceptive(label: string, latinTld: boolean): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '')
  const scripts = SCRIPTS.filter((script) => script.test(letters)).length
  return scripts > 1 || (latinTld && letters !== '' && LATIN_LOOKALIKES.test(letters))
}

/**
 * The readable form of an ASCII host name: each `xn--` label decoded. The host is returned
 * unchanged when a label does not decode (a reader never sees a half-decoded name) or when a
 * decoded label could pass for another name, in which case the Punycode is the honest display.
 */
export function hostToUnicode(asciiHost: string): string {
  if (!/xn--/i.test(asciiHost)) return asciiHost
  const labels = asciiHost.split('.')
  const latinTld = !/^xn--/i.test(labels[labels.length - 1] ?? '')
  const decoded: string[] = []
  for (const label of labels) {
    if (!/^xn--/i.test(label)) {
      decoded.push(label)
      continue
    }
    const unicode = decodePunycode(label.slice(4))
    if (unicode === undefined || unicode === '' || isDeceptive(unicode, latinTld)) return asciiHost
    decoded.push(unicode)
  }
  return decoded.join('.')
}
