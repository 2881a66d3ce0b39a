import {perspectiveCookieName} from '@sanity/preview-url-secret/constants'
import {cookies, draftMode} from 'next/headers'
import {redirect} from 'next/navigation'
import type {NextRequest} from 'next/server'
import {RETURN_TO_PARAM, safeReturnPath} from '@/sanity/presentation/routes'

/** Turns preview off and returns to the page the editor was on, now as readers see it. */
export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(perspectiveCookieName)
  redirect(safeReturnPath(request.nextUrl.searchParams.get(RETURN_TO_PARAM)))
}
