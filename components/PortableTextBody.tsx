import {PortableText, type PortableTextComponents} from '@portabletext/react'
import type {PolicyBody} from '@/lib/policy/types'
import {PolicyLink} from './PolicyLink'

const components: PortableTextComponents = {
  block: {
    // Section titles are h2; headings inside a body sit below them.
    h3: ({children}) => <h3>{children}</h3>,
    h4: ({children}) => <h4>{children}</h4>,
  },
  marks: {
    link: ({value, children}) => (
      <PolicyLink href={String(value?.href ?? '')}>{children}</PolicyLink>
    ),
  },
}

/** A policy text (introduction or section body) in one language. */
export function PortableTextBody({value}: {value: PolicyBody | null | undefined}) {
  if (!value?.length) return null
  return <PortableText value={value} components={components} />
}
