import {describe, expect, it} from 'vitest'
import {
  currentVersionNumber,
  dayBefore,
  upcomingVersions,
  versionPeriods,
} from '@/lib/policy/periods'

const seed = [
  {number: 1, effectiveDate: '2016-03-01'},
  {number: 2, effectiveDate: '2026-10-01'},
]

describe('when versions are in force', () => {
  it('shows the seed: version 1 in force until the day before version 2, version 2 current', () => {
    const periods = versionPeriods(seed, '2026-11-26')
    expect(periods.get(1)).toEqual({state: 'past', from: '2016-03-01', to: '2026-09-30'})
    expect(periods.get(2)).toEqual({state: 'current', from: '2026-10-01'})
    expect(currentVersionNumber(seed, '2026-11-26')).toBe(2)
  })

  it('lists a version with a future effective date as upcoming, and the previous one stays current', () => {
    const versions = [...seed, {number: 3, effectiveDate: '2027-01-01'}]
    const periods = versionPeriods(versions, '2026-12-31')
    expect(periods.get(3)).toEqual({state: 'upcoming', from: '2027-01-01'})
    expect(periods.get(2)).toEqual({state: 'current', from: '2026-10-01'})
    expect(currentVersionNumber(versions, '2026-12-31')).toBe(2)
  })

  it('makes the upcoming version current on its effective date, with nobody acting', () => {
    const versions = [...seed, {number: 3, effectiveDate: '2027-01-01'}]
    const periods = versionPeriods(versions, '2027-01-01')
    expect(periods.get(3)).toEqual({state: 'current', from: '2027-01-01'})
    expect(periods.get(2)).toEqual({state: 'past', from: '2026-10-01', to: '2026-12-31'})
    expect(currentVersionNumber(versions, '2027-01-01')).toBe(3)
  })

  it('marks a version replaced before its date as never in force', () => {
    const versions = [
      ...seed,
      {number: 3, effectiveDate: '2027-02-01'},
      {number: 4, effectiveDate: '2027-01-15'},
    ]
    const periods = versionPeriods(versions, '2027-03-01')
    expect(periods.get(3)).toEqual({state: 'never'})
    expect(periods.get(4)).toEqual({state: 'current', from: '2027-01-15'})
    expect(periods.get(2)).toEqual({state: 'past', from: '2026-10-01', to: '2027-01-14'})
  })

  it('has no version in force before the first effective date', () => {
    expect(currentVersionNumber(seed, '2015-01-01')).toBeUndefined()
    expect(versionPeriods(seed, '2015-01-01').get(1)).toEqual({
      state: 'upcoming',
      from: '2016-03-01',
    })
  })

  it('counts days across month and leap-year ends', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29')
    expect(dayBefore('2027-01-01')).toBe('2026-12-31')
  })
})

describe('what a reader of the version in force is told is coming', () => {
  it('lists the versions published for a later date, soonest first, until their day', () => {
    const versions = [
      ...seed,
      {number: 4, effectiveDate: '2027-03-01'},
      {number: 3, effectiveDate: '2027-01-01'},
    ]
    expect(upcomingVersions(versions, '2026-12-31').map((version) => version.number)).toEqual([
      3, 4,
    ])
    expect(upcomingVersions(versions, '2027-01-01').map((version) => version.number)).toEqual([4])
    expect(upcomingVersions(versions, '2027-03-01')).toEqual([])
  })

  it('leaves out a version replaced before its day came', () => {
    const versions = [
      ...seed,
      {number: 3, effectiveDate: '2027-03-01'},
      {number: 4, effectiveDate: '2027-02-01'},
    ]
    expect(upcomingVersions(versions, '2026-12-31').map((version) => version.number)).toEqual([4])
  })
})
