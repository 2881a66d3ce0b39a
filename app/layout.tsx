import type {ReactNode} from 'react'

// The public site and the Studio each have their own root layout (<html>) below this one.
export default function RootLayout({children}: {children: ReactNode}) {
  return children
}
