import type {ObjectInputProps} from 'sanity'
import {useFormValue} from 'sanity'
import type {RecordedCoverage} from '../../../lib/policy/checklist'
import type {Localized} from '../../../lib/policy/types'
import {ChecklistCoverageView, useChecklistLanguage} from './ChecklistCoverageView'

/** A version's recorded coverage, drawn as the Prepare dialog drew it (it is read-only). */
export function ChecklistCoverageInput(props: ObjectInputProps) {
  const language = useChecklistLanguage()
  const sections = (useFormValue(['sections']) ?? []) as {
    key?: string
    title?: Partial<Localized<string>>
  }[]
  if (!props.value) return null
  const titles = new Map(sections.map((section) => [section.key, section.title?.[language]]))
  return (
    <ChecklistCoverageView
      coverage={props.value as unknown as RecordedCoverage}
      sectionTitle={(key) => titles.get(key) ?? key}
    />
  )
}
