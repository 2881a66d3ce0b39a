import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {ConfigurationError, parseEnv} from '@/lib/env'

describe('moving the site’s clock is for tests only', () => {
  it('is refused by a production server unless a test says so in a second variable', () => {
    const moved = {NODE_ENV: 'production', TEST_CLOCK_FILE: '/tmp/clock'}
    expect(() => parseEnv(moved)).toThrow(ConfigurationError)
    expect(() => parseEnv(moved)).toThrow(/TEST_CLOCK_FILE .*ALLOW_TEST_CLOCK=1/)
    expect(() => parseEnv({...moved, ALLOW_TEST_CLOCK: 'yes'})).toThrow(ConfigurationError)
    expect(parseEnv({...moved, ALLOW_TEST_CLOCK: '1'}).testClockFile).toBe('/tmp/clock')
  })

  it('is allowed outside production, and absent by default', () => {
    expect(parseEnv({NODE_ENV: 'development', TEST_CLOCK_FILE: '/tmp/clock'}).testClockFile).toBe(
      '/tmp/clock',
    )
    expect(parseEnv({NODE_ENV: 'production'}).testClockFile).toBeUndefined()
  })
})

describe('the site’s clock', () => {
  let folder: string
  let file: string

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'site-clock-'))
    file = path.join(folder, 'now')
    vi.resetModules()
    vi.stubEnv('TEST_CLOCK_FILE', file)
    vi.stubEnv('ALLOW_TEST_CLOCK', '1')
  })

  afterEach(() => {
    vi.unstubAllEnvs()
    rmSync(folder, {recursive: true, force: true})
  })

  function setClock(instant: string) {
    writeFileSync(`${file}.next`, instant)
    renameSync(`${file}.next`, file)
  }

  const load = () => import('@/lib/clock')

  it('is the system’s clock until a test sets it', async () => {
    const {siteNow} = await load()
    expect(Math.abs(siteNow().getTime() - Date.now())).toBeLessThan(1000)
  })

  it('shows the instant a test sets, runs on from there, and moves when set again', async () => {
    const {siteNow, siteToday} = await load()
    setClock('2027-03-01T04:59:58Z')
    const shown = siteNow().getTime()
    expect(shown - Date.parse('2027-03-01T04:59:58Z')).toBeGreaterThanOrEqual(0)
    expect(shown - Date.parse('2027-03-01T04:59:58Z')).toBeLessThan(1000)
    // 23:59:58 in Québec: still the day before.
    expect(siteToday()).toBe('2027-02-28')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(siteNow().getTime()).toBeGreaterThan(shown)

    setClock('2027-03-01T05:00:01Z')
    expect(siteToday()).toBe('2027-03-01')
  })

  it('names the file when what it holds is not an instant', async () => {
    const {siteNow} = await load()
    setClock('next tuesday')
    expect(() => siteNow()).toThrow(/TEST_CLOCK_FILE.*next tuesday/)
  })
})
