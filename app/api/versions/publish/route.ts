import {publishCandidate} from '@/sanity/lib/signoff'

// The Studio's "Publish": the site checks the approval still covers the candidate, then signs.
export function POST(request: Request) {
  return publishCandidate(request)
}
