import {labelledKeys} from '@/sanity/lib/signingKeys'

// The public keys approvals and publications are signed with, for anyone verifying the history
// (`npm run verify`), each labelled `site`, `earlier` (kept after a rotation) or `seed`
// (docs/record-format.md). Keys are named by id, so an old key stays here after a rotation.
export function GET() {
  return Response.json(
    {keys: labelledKeys()},
    {headers: {'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300'}},
  )
}
