import {Flex, Stack, Text} from '@sanity/ui'
import {useId, useMemo} from 'react'
import {set, useCurrentLocale, type StringInputProps} from 'sanity'
import {organisationToday, spelledOutDate, withFrenchOrdinal} from '../../../lib/policy/dates'
import {CONTROL} from './controls'
import {useVersioningT} from './useVersioning'

/** How many years ahead a version may be dated: far enough for any notice period. */
const YEARS_AHEAD = 5

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * The effective date, chosen as day, month and year in the Studio's language, never in the
 * browser's date format (02/01/2027 is 1 February to some and 2 January to others), and spelled
 * out as it is chosen: « 1er février 2027 », "February 1, 2027".
 */
export function EffectiveDateInput({
  value,
  onChange,
  unlabelled = false,
}: {
  value: string
  onChange: (value: string) => void
  /** On a form, whose field already carries the label. */
  unlabelled?: boolean
}) {
  const t = useVersioningT()
  const locale = useCurrentLocale().id
  const id = useId()
  const today = organisationToday()
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  // A date proposed earlier, now past, stays on the list so that the control shows it.
  const firstYear = Math.min(Number(today.slice(0, 4)), year)
  const months = useMemo(() => {
    const name = new Intl.DateTimeFormat(locale, {month: 'long', timeZone: 'UTC'})
    return Array.from({length: 12}, (_, index) => name.format(Date.UTC(2000, index, 1)))
  }, [locale])
  const change = (next: {year?: number; month?: number; day?: number}) => {
    const y = next.year ?? year
    const m = next.month ?? month
    // A day the new month does not have becomes its last (31 January, then February).
    const d = Math.min(next.day ?? day, daysIn(y, m))
    onChange(`${y}-${pad(m)}-${pad(d)}`)
  }
  const past = value < today
  return (
    <Stack gap={2} as="fieldset" style={{border: 0, margin: 0, padding: 0}} data-value={value}>
      <Text
        as="legend"
        size={1}
        weight="semibold"
        style={unlabelled ? {position: 'absolute', clipPath: 'inset(50%)'} : undefined}
      >
        {t('prepare.date.label')}
      </Text>
      <Flex gap={2} wrap="wrap" align="flex-end">
        <Stack gap={1}>
          <Text as="label" htmlFor={`${id}-day`} size={0} muted>
            {t('prepare.date.day')}
          </Text>
          <select
            id={`${id}-day`}
            style={{...CONTROL, width: 'auto'}}
            value={day}
            onChange={(event) => change({day: Number(event.currentTarget.value)})}
          >
            {Array.from({length: daysIn(year, month)}, (_, index) => index + 1).map((option) => (
              <option key={option} value={option}>
                {withFrenchOrdinal(`${option} `, locale).trim()}
              </option>
            ))}
          </select>
        </Stack>
        <Stack gap={1}>
          <Text as="label" htmlFor={`${id}-month`} size={0} muted>
            {t('prepare.date.month')}
          </Text>
          <select
            id={`${id}-month`}
            style={{...CONTROL, width: 'auto'}}
            value={month}
            onChange={(event) => change({month: Number(event.currentTarget.value)})}
          >
            {months.map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        </Stack>
        <Stack gap={1}>
          <Text as="label" htmlFor={`${id}-year`} size={0} muted>
            {t('prepare.date.year')}
          </Text>
          <select
            id={`${id}-year`}
            style={{...CONTROL, width: 'auto'}}
            value={year}
            onChange={(event) => change({year: Number(event.currentTarget.value)})}
          >
            {Array.from({length: YEARS_AHEAD + 1}, (_, index) => firstYear + index).map(
              (option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ),
            )}
          </select>
        </Stack>
      </Flex>
      <Text
        size={1}
        data-testid="prepare-date-spelled"
        aria-live="polite"
        role={past ? 'alert' : undefined}
      >
        {t(past ? 'prepare.date.past' : 'prepare.date.spelled', {
          date: spelledOutDate(value, locale),
        })}
      </Text>
    </Stack>
  )
}

/**
 * A version's effective date on its form: the same control as in the Prepare dialog while the
 * editor may still change it, else the date spelled out.
 */
export function EffectiveDateFormInput(props: StringInputProps) {
  const locale = useCurrentLocale().id
  const value = props.value
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  if (props.readOnly) {
    return (
      <Text size={1} data-testid="effective-date">
        {spelledOutDate(value, locale)}
      </Text>
    )
  }
  return (
    <EffectiveDateInput value={value} onChange={(next) => props.onChange(set(next))} unlabelled />
  )
}
