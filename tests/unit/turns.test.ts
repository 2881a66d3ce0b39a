import {describe, expect, it} from 'vitest'
import {spelledOutDate} from '../../lib/policy/dates'
import {awaiting, nextStep, notInTheFuture, turnFor, type OpenVersion} from '../../lib/policy/turns'

const editor = {id: 'p-editor', reviewer: false, publisher: true}
const reviewer = {id: 'p-reviewer', reviewer: true, publisher: false}
const both = {id: 'p-both', reviewer: true, publisher: true}

const candidate: OpenVersion = {
  id: 'version-4',
  number: 4,
  status: 'candidate',
  preparedBy: 'p-editor',
}
const approved: OpenVersion = {
  id: 'version-3',
  number: 3,
  status: 'approved',
  preparedBy: 'p-editor',
}
const published: OpenVersion = {id: 'version-2', number: 2, status: 'published'}

describe('whose turn it is', () => {
  it('a candidate awaits a legal reviewer who did not prepare it; an approved version awaits an editor', () => {
    expect(nextStep(candidate)).toEqual({step: 'review', by: 'reviewer'})
    expect(nextStep(approved)).toEqual({step: 'publish', by: 'editor'})
    expect(nextStep(published)).toEqual({step: 'none'})

    expect(turnFor(reviewer, candidate)).toBe('review')
    expect(turnFor(editor, candidate)).toBeUndefined()
    expect(turnFor(editor, approved)).toBe('publish')
    // Reviewers do not publish (lib/policy/roles.ts).
    expect(turnFor(reviewer, approved)).toBeUndefined()
    expect(turnFor(reviewer, published)).toBeUndefined()
  })

  it('nobody is asked to approve what they prepared, and an out-of-date candidate is the editor’s to prepare again', () => {
    const own = {...candidate, preparedBy: 'p-both'}
    expect(turnFor(both, own)).toBeUndefined()
    expect(turnFor(both, {...own, stale: true})).toBe('prepare-again')
    expect(turnFor(editor, {...candidate, stale: true})).toBe('prepare-again')
    expect(turnFor(reviewer, {...candidate, stale: true})).toBe('review')
  })

  it('what awaits a person, newest first', () => {
    expect(awaiting(editor, [approved, candidate, published])).toEqual([
      {version: approved, turn: 'publish'},
    ])
    expect(awaiting(both, [approved, {...candidate, preparedBy: 'p-other'}, published])).toEqual([
      {version: {...candidate, preparedBy: 'p-other'}, turn: 'review'},
      {version: approved, turn: 'publish'},
    ])
    expect(awaiting(reviewer, [published])).toEqual([])
  })

  it('a step taken by a clock a little ahead is shown as now, never in the future', () => {
    const now = Date.parse('2027-02-01T12:00:00Z')
    expect(notInTheFuture('2027-02-01T12:00:14Z', now)).toEqual(new Date(now))
    expect(notInTheFuture('2027-02-01T11:59:00Z', now)).toEqual(new Date('2027-02-01T11:59:00Z'))
    expect(notInTheFuture('not a time', now)).toBeUndefined()
  })
})

describe('a date spelled out in the Studio’s language', () => {
  it('writes the first of the month as Québec French does, and the others as Intl does', () => {
    expect(spelledOutDate('2027-02-01', 'fr-FR')).toBe('1er février 2027')
    expect(spelledOutDate('2027-02-02', 'fr-FR')).toBe('2 février 2027')
    expect(spelledOutDate('2027-02-01', 'en-US')).toBe('February 1, 2027')
    expect(spelledOutDate('2027-02-11', 'fr')).toBe('11 février 2027')
  })
})
