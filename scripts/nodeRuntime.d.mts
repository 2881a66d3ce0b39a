/** Types of scripts/nodeRuntime.mjs, plain JavaScript because it runs before anything is installed. */
export interface NodeLine {
  major: number
  minor: number
  patch: number
}
export function parseEngines(range: string): NodeLine[]
export function readEngines(): string
export function isSupported(version: string, lines: NodeLine[]): boolean
export function refusal(version: string, lines: NodeLine[]): string
