// Registered for every test file (vitest.config.ts): a MatchList equals another list or an array
// of strings when it holds the same matches in the same order, however either keeps them.
import { expect } from 'vitest'
import { MatchList } from '../../src/plan/match-list.js'

expect.addEqualityTesters([
  function matchListsEqual(a: unknown, b: unknown, customTesters) {
    const aList = a instanceof MatchList
    const bList = b instanceof MatchList
    if (!aList && !bList) return undefined
    if ((!aList && !Array.isArray(a)) || (!bList && !Array.isArray(b))) return false
    return this.equals([...(a as Iterable<string>)], [...(b as Iterable<string>)], customTesters)
  }
])
