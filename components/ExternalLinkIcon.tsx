/** The visible outbound-link flag; decorative, since the link's text carries the notice. */
export function ExternalLinkIcon() {
  return (
    <svg
      className="external-icon"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="0.8em"
      height="0.8em"
    >
      <path
        fill="currentColor"
        d="M9 2h5v5h-1.5V4.56L7.53 9.53 6.47 8.47l4.97-4.97H9V2zM3 4h4v1.5H3.5v7h7V9H12v4.5H2V4h1z"
      />
    </svg>
  )
}
