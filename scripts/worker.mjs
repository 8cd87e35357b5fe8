// One server process of `npm start` (scripts/workers.mjs forks it after migrating and seeding).
import { listen } from './server.mjs'

await listen()
