import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {publicVersion} from '@/lib/policy/publicVersion'
import {verificationOf} from '@/lib/policy/verification'
import {parseVersionNumber} from '@/lib/policy/versionNumber'
import {
  ContentUnavailableError,
  fetchHistoryVerification,
  fetchPublishedRecords,
  REVALIDATE_SECONDS,
} from '@/sanity/lib/fetch'

// One published version's whole record, with its fingerprint and signatures, for anyone who
// wants to check it themselves (`npm run verify`), and what the site's own check found.
export async function GET(_request: Request, {params}: RouteContext<'/api/versions/[number]'>) {
  const number = parseVersionNumber((await params).number)
  const headers = {'access-control-allow-origin': '*'}
  if (number === undefined) {
    return Response.json(
      {error: 'A version number is a whole number from 1.'},
      {status: 404, headers},
    )
  }
  const content = await loadOrUnavailable(
    () => Promise.all([fetchPublishedRecords(), fetchHistoryVerification()]),
    (error) => error instanceof ContentUnavailableError,
  )
  if (!content) return unavailableResponse()
  const [records, history] = content
  const version = records.find((record) => record.number === number)
  if (!version) {
    return Response.json(
      {error: `There is no published version ${number}.`},
      {status: 404, headers},
    )
  }
  return Response.json(publicVersion(version, verificationOf(history, number)), {
    headers: {...headers, 'cache-control': `public, max-age=${REVALIDATE_SECONDS}`},
  })
}
