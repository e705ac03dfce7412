import { runPost } from './action/post.js'

await runPost()
process.exit()
