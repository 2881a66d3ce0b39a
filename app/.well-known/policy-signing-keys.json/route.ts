import {trustedKeys} from '@/sanity/lib/signingKeys'

// The public keys approvals and publications are signed with, for anyone verifying the history
// (`npm run verify`). Keys are named by id, so an old key stays here after a rotation.
export function GET() {
  return Response.json(
    {keys: trustedKeys()},
    {headers: {'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300'}},
  )
}
