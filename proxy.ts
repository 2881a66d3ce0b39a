import createMiddleware from 'next-intl/middleware'
import {routing} from './i18n/routing'

export default createMiddleware(routing)

export const config = {
  // Everything but the Studio, API routes, Next's own files and files with an extension.
  matcher: ['/((?!api|studio|_next|_vercel|.*\\..*).*)'],
}
