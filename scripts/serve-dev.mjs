// The dev server Remix's `remix dev` restarts on every rebuild.
import { broadcastDevReady } from '@remix-run/node'

import { listen } from './server.mjs'

await listen()
const build = await import(`../build/index.js?t=${Date.now()}`)
broadcastDevReady(build)
