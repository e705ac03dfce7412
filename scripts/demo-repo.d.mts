/** Writes the demo's sample repository at `ws` and runs `git init`. */
export declare function makeDemoRepo(ws: string): void
