/**
 * Real-time delivery after each commit: listeners (server-sent events with mendoza effects), the
 * Live Content API, signed webhooks, and the Studio's presence socket.
 */

export {mendozaEffects, type MendozaEffects} from './effects'
export {type StreamRequest} from './eventStream'
export {ListenerHub} from './listen'
export {openLiveEvents} from './live'
export {PresenceSockets} from './presence'
export {WebhookDispatcher} from './webhooks'
