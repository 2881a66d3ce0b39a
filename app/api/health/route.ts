// For load balancers and start-up checks: the site process answers. It does not touch content, so
// it stays cheap and says nothing about the content source (pages have their own fallbacks).
export function GET() {
  return Response.json({ok: true}, {headers: {'Cache-Control': 'no-store'}})
}
