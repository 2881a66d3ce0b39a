import {Button} from './Button'

/** The smallest App Router page with one client component: the framework's own JavaScript. */
export default function Page() {
  return (
    <main>
      <h1>Hello</h1>
      <Button />
    </main>
  )
}
