/** X.Y.Z, without a leading v or a pre-release. */
export declare const VERSION: RegExp
/** `a` compared with `b` (both X.Y.Z): negative, zero or positive. */
export declare function compareVersions(a: string, b: string): number
export interface ChangelogSection {
  /** `Unreleased` or a version. */
  name: string
  date: string | null
  /** 0-based line of the heading; `end` is the first line after the section. */
  line: number
  end: number
  body: string
}
/** The `## [...]` sections in order, and the link definitions that close the file. */
export declare function parseChangelog(text: string): {
  lines: string[]
  sections: ChangelogSection[]
  links: string[]
  linksFrom: number
}
/** The newest released section, or throws naming what is wrong. */
export declare function newestRelease(text: string): { version: string; date: string }
/** The release notes of `version`, or throws when its section is missing or empty. */
export declare function releaseNotes(text: string, version: string): string
/** The changelog with the Unreleased entries moved under `## [version] - date`. */
export declare function releaseUnreleased(text: string, version: string, date: string): string
