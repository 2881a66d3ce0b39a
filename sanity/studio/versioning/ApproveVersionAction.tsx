import {CheckmarkCircleIcon} from '@sanity/icons'
import {useToast} from '@sanity/ui/toast'
import {useState} from 'react'
import {useClient, useCurrentUser, type DocumentActionComponent} from 'sanity'
import {contentHash} from '../../../lib/policy/contentHash'
import {LEGAL_ROLE, VERSIONING_API_VERSION} from './settings'
import {actor, approvalRefusal, versionContent} from './workflow'

/**
 * "Approve", on a candidate version, for a legal reviewer who did not prepare it. The approval
 * names the SHA-256 of the content recomputed now, from the very revision the reviewer read, so
 * that any later change voids it.
 */
export const ApproveVersionAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const user = useCurrentUser()
  const toast = useToast()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const version = props.published ?? props.draft

  if (version?.status !== 'candidate') return null
  const refusal = approvalRefusal(user, version, LEGAL_ROLE)
  const fingerprint = typeof version.contentHash === 'string' ? version.contentHash : ''

  async function approve() {
    if (!user || !version) return
    setBusy(true)
    try {
      const current = await client.getDocument(version._id)
      if (!current || current._rev !== version._rev) {
        throw new Error(
          'The candidate changed while you were reading it. Read it again before approving.',
        )
      }
      const read = versionContent(current)
      const hash = read && (await contentHash(read))
      if (!hash || hash !== current.contentHash) {
        throw new Error(
          'Its content no longer matches the fingerprint recorded when it was prepared. Ask the editor to prepare it again.',
        )
      }
      await client
        .patch(current._id)
        .ifRevisionId(current._rev)
        .set({
          status: 'approved',
          approval: {_type: 'versionApproval', ...actor(user), contentHash: hash},
        })
        .commit()
      toast.push({
        status: 'success',
        title: 'Approved',
        description: 'The editor can now publish this version.',
      })
    } catch (error) {
      toast.push({
        status: 'error',
        title: 'The version was not approved',
        description: error instanceof Error ? error.message : String(error),
        duration: 15_000,
      })
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return {
    label: busy ? 'Approving…' : 'Approve',
    icon: CheckmarkCircleIcon,
    tone: 'positive',
    disabled: refusal !== undefined || busy,
    title: refusal,
    onHandle: () => setConfirming(true),
    dialog: confirming && {
      type: 'confirm',
      tone: 'positive',
      message: (
        <>
          You approve the content of this candidate exactly as it is now, as shown under “Compare
          with published” (fingerprint <code>{fingerprint.slice(0, 12)}…</code>). If anything in it
          changes afterwards, your approval no longer counts.
        </>
      ),
      confirmButtonText: 'Approve this content',
      cancelButtonText: 'Not yet',
      onConfirm: () => void approve(),
      onCancel: () => setConfirming(false),
    },
  }
}
ApproveVersionAction.displayName = 'ApproveVersionAction'
