import {approveCandidate, signoffPermissions} from '@/sanity/lib/signoff'

// The Studio's "Approve": the site checks the caller with the content source, then signs.
export function POST(request: Request) {
  return approveCandidate(request)
}

// What the Studio asks before showing its buttons: may this person approve, publish.
export function GET(request: Request) {
  return signoffPermissions(request)
}
