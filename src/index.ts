import { runMain } from './action/main.js'

await runMain()
// Stray HTTP retries of the store clients must not keep the step alive.
process.exit()
