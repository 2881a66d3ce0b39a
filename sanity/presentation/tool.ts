import {presentationTool} from 'sanity/presentation'
import {inStartLanguage} from '../studio/i18n'
import {locations, mainDocuments} from './resolve'
import {DISABLE_PREVIEW_PATH, ENABLE_PREVIEW_PATH, policyPath} from './routes'

/**
 * The Studio's Presentation tool: the site's real pages, drafts included, beside the editor. The
 * Studio is served by the site itself, so the preview is on the Studio's own origin: the same in
 * every environment, with the draft-mode cookie first-party.
 */
export const presentation = presentationTool({
  title: inStartLanguage('tool.presentation.title'),
  previewUrl: {
    initial: policyPath('fr'),
    previewMode: {
      enable: ENABLE_PREVIEW_PATH,
      disable: DISABLE_PREVIEW_PATH,
      // No shareable preview links: drafts of a legal text are for people who can log in.
      shareAccess: false,
    },
  },
  resolve: {locations, mainDocuments},
})
