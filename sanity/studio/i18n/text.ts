import {ROLES} from '../../../lib/localUsers'
import {studioEnUS, type StudioTextKey} from './en-US'
import {studioFrFR} from './fr-FR'
import type {StudioLocale} from './locales'

/**
 * The Studio's words outside Sanity's own translator: pages around the Studio, the console,
 * and the few places where Sanity takes plain text (schema titles; see index.ts). Plain
 * TypeScript, no Sanity import.
 */

export type {StudioTextKey}

export const studioResources: Record<StudioLocale, Record<StudioTextKey, string>> = {
  'en-US': studioEnUS,
  'fr-FR': studioFrFR,
}

export type TextValues = Record<string, string | number>

/** Fills `{{name}}` as Sanity's translator (i18next) does, so one resource serves both. */
export function interpolate(template: string, values: TextValues = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  )
}

export function studioText(locale: StudioLocale, key: StudioTextKey, values?: TextValues): string {
  return interpolate(studioResources[locale][key], values)
}

/** One text in every Studio language, as Sanity takes localized validation messages. */
export function inEveryStudioLanguage(
  key: StudioTextKey,
  values?: TextValues,
): Record<StudioLocale, string> {
  return {
    'en-US': interpolate(studioEnUS[key], values),
    'fr-FR': interpolate(studioFrFR[key], values),
  }
}

const ROLE_TITLES: Partial<Record<string, StudioTextKey>> = {
  [ROLES.editor]: 'role.editor',
  [ROLES.legalReviewer]: 'role.legal-reviewer',
}

/** The words for one of the embedded lake's roles (lib/localUsers.ts), if it is one. */
export function roleTitleKey(role: string): StudioTextKey | undefined {
  return ROLE_TITLES[role]
}
