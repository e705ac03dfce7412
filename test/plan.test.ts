// Unit tests of the plan language: fingerprint, templates, path and glob rules, JSON syntax
// errors, and the preflight against a real workspace with symlinks.
import { mkdirSync, symlinkSync } from 'node:fs'
import { join, posix } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { PlanError } from '../src/errors.js'
import { createHash } from 'node:crypto'
import { canonical, canonicalMeaning, meaningOf } from '../src/plan/fingerprint.js'
import { globPrefix, globProblem, isGlob } from '../src/plan/glob-syntax.js'
import { jsonSyntaxError, mayRepeatKeys, parsePlan } from '../src/plan/load.js'
import { isPlainPath, normalizeRel, pathProblem, planPathProblem, Sandbox } from '../src/plan/paths.js'
import { preflight } from '../src/plan/preflight.js'
import { closest } from '../src/plan/schema.js'
import {
  literalText,
  parseTemplate,
  renderTemplate,
  TemplateError,
  templateVars
} from '../src/plan/template.js'
import { removeDir, tempDir, writeTree } from './helpers/tree.js'

const yml = (body: string): string => `version: 1\noperations:\n${body}`
const id = (text: string, file = 'plan.yml', defaults = {}): string => parsePlan(text, file, defaults).planId

/** The error parsePlan throws for `text`. */
function planError(text: string, file = 'plan.yml'): PlanError {
  try {
    parsePlan(text, file)
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError)
    return err as PlanError
  }
  throw new Error('the plan was accepted')
}

describe('planId fingerprint', () => {
  const base = yml(
    [
      '  - mkdir: docs/archive',
      '  - id: archive',
      '    move: { from: "docs/legacy/**/*.md", to: "docs/archive/{relpath}" }',
      '  - replace: { files: "docs/**/*.md", find: "legacy/", with: "archive/" }',
      '  - write: { path: .nvmrc, content: "24\\n", mode: "644" }',
      '  - run: { files: "images/*.png", command: [optipng, "{path}"], timeout: 2m, env: { A: "1", B: "2" } }',
      ''
    ].join('\n')
  )

  it('is the hash of the canonical meanings of the operations', () => {
    const plan = parsePlan(base, 'plan.yml')
    const whole = createHash('sha256')
      .update(canonical(plan.ops.map(meaningOf)))
      .digest('hex')
    expect(plan.planId).toBe(whole.slice(0, 16))
    const many = yml(
      Array.from({ length: 3000 }, (_, i) => `  - write: { path: "d/f${i}.txt", content: "x:${i}" }\n`).join(
        ''
      )
    )
    const big = parsePlan(many, 'plan.yml')
    const bigWhole = createHash('sha256')
      .update(canonical(big.ops.map(meaningOf)))
      .digest('hex')
    expect(big.planId).toBe(bigWhole.slice(0, 16))
  })

  it('writes each operation of every kind, with every field it can have, as canonical(meaningOf(op))', () => {
    const every = yml(
      [
        '  - { id: a, mkdir: "out/{name}", each: "src/*.txt", shard-by: "{dir}", on-conflict: skip }',
        '  - { delete: "tmp/**/*.log", if-no-match: warn }',
        '  - { move: { from: "a/*.md", to: "b/{relpath}" }, on-conflict: overwrite }',
        '  - { rename: { from: "c/*.txt", to: "{stem}.md" } }',
        '  - { copy: { from: "d/x.txt", to: "e/" } }',
        '  - { write: { path: "f/{name}.ok", content: "done\\n", mode: "755" }, each: "g/*" }',
        '  - { replace: { files: "h/**/*.ts", find: "a(b)", with: "$1", regex: true, flags: "im" } }',
        '  - run: { files: "i/*.png", command: [optipng, "{path}"], creates: "{path}.ok", timeout: 1m, env: { K: v } }',
        '  - run: { shell: "make all", removes: stale.txt }',
        ''
      ].join('\n')
    )
    const plan = parsePlan(every, 'plan.yml')
    expect(new Set(plan.ops.map(o => o.kind)).size).toBe(8)
    for (const op of plan.ops) expect(canonicalMeaning(op), op.kind).toBe(canonical(meaningOf(op)))
  })

  it('is 16 hex digits and stable', () => {
    expect(id(base)).toMatch(/^[0-9a-f]{16}$/)
    expect(id(base)).toBe(id(base))
  })

  it('is the same for the same plan written as JSON, with other key order and comments', () => {
    const json = JSON.stringify({
      operations: [
        { mkdir: 'docs/archive' },
        { move: { to: 'docs/archive/{relpath}', from: 'docs/legacy/**/*.md' }, id: 'archive' },
        { replace: { with: 'archive/', find: 'legacy/', files: 'docs/**/*.md' } },
        { write: { mode: '644', content: '24\n', path: '.nvmrc' } },
        {
          run: {
            env: { B: '2', A: '1' },
            timeout: '2m',
            command: ['optipng', '{path}'],
            files: 'images/*.png'
          }
        }
      ],
      version: 1
    })
    expect(id(json, 'plan.json')).toBe(id(base))
    const commented = `# Migration of the docs\n${base.replace('  - mkdir: docs/archive', '  # first\n  - mkdir: docs/archive   # the target')}`
    expect(id(commented)).toBe(id(base))
  })

  it('does not change when defaults are written out or values are spelled differently', () => {
    const explicit = [
      'version: 1',
      'defaults:',
      '  on-conflict: fail',
      '  if-no-match: error',
      'operations:',
      '  - mkdir: docs/archive',
      '    on-conflict: fail',
      '  - id: archive',
      '    move: { from: "docs/legacy/**/*.md", to: "docs/archive/{relpath}" }',
      '  - replace: { files: "docs/**/*.md", find: "legacy/", with: "archive/", regex: false }',
      '  - write: { path: .nvmrc, content: "24\\n", mode: "0644" }',
      '  - run: { files: "images/*.png", command: [optipng, "{path}"], timeout: 120s, env: { B: "2", A: "1" } }',
      ''
    ].join('\n')
    expect(id(explicit)).toBe(id(base))
  })

  it('does not change with max-attempts or continue-on-error, from the plan or from the caller', () => {
    const tuned = base
      .replace('version: 1\n', 'version: 1\ndefaults:\n  max-attempts: 7\n  continue-on-error: false\n')
      .replace('  - mkdir: docs/archive\n', '  - mkdir: docs/archive\n    max-attempts: 1\n')
    expect(id(tuned)).toBe(id(base))
    expect(id(base, 'plan.yml', { maxAttempts: 9, continueOnError: false })).toBe(id(base))
  })

  it('is the same whether a policy comes from defaults or from every operation', () => {
    const a = 'version: 1\ndefaults:\n  on-conflict: skip\noperations:\n  - mkdir: a\n  - mkdir: b\n'
    const b = yml('  - mkdir: a\n    on-conflict: skip\n  - mkdir: b\n    on-conflict: skip\n')
    expect(id(a)).toBe(id(b))
  })

  it('changes when the meaning changes', () => {
    const variants = [
      base.replace('docs/archive\n', 'docs/archived\n'),
      base.replace('"24\\n"', '"22\\n"'),
      base.replace('mode: "644"', 'mode: "755"'),
      base.replace('with: "archive/" }', 'with: "archive/", regex: true }'),
      base.replace('[optipng, "{path}"]', '[optipng, -o2, "{path}"]'),
      base.replace('A: "1"', 'A: "3"'),
      base.replace('timeout: 2m', 'timeout: 3m'),
      base.replace('  - mkdir: docs/archive\n', '  - mkdir: docs/archive\n    on-conflict: overwrite\n'),
      base.replace('  - mkdir: docs/archive\n', '  - mkdir: docs/archive\n    if-no-match: ignore\n'),
      base.replace('  - mkdir: docs/archive\n', '  - mkdir: docs/archive\n    each: "packages/*/"\n'),
      // The same operations in another order.
      base
        .replace('  - mkdir: docs/archive\n', '')
        .replace('  - write:', '  - mkdir: docs/archive\n  - write:')
    ]
    const ids = new Set([id(base), ...variants.map(v => id(v.endsWith('\n') ? v : `${v}\n`))])
    expect(ids.size).toBe(variants.length + 1)
  })

  it('canonical JSON ignores key order and undefined values', () => {
    expect(canonical({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe(
      canonical({ a: [1, { c: 'x' }], b: 1 })
    )
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]))
  })
})

describe('templates', () => {
  it('parses literals, placeholders and escaped braces', () => {
    expect(parseTemplate('docs/{stem}.md')).toEqual(['docs/', { var: 'stem' }, '.md'])
    expect(parseTemplate('{path}')).toEqual([{ var: 'path' }])
    expect(parseTemplate('a{{b}}c')).toEqual(['a{b}c'])
    expect(parseTemplate('{{{name}}}')).toEqual(['{', { var: 'name' }, '}'])
    expect(literalText('x/{{y}}')).toBe('x/{y}')
  })

  it('rejects unknown placeholders, unclosed and stray braces with the position', () => {
    const err = (t: string): TemplateError => {
      try {
        parseTemplate(t)
      } catch (e) {
        return e as TemplateError
      }
      throw new Error(`accepted ${t}`)
    }
    expect(err('a/{stemm}.md').message).toContain('unknown placeholder {stemm}')
    expect(err('a/{stemm}.md').placeholder).toBe('stemm')
    expect(err('a/{name').message).toContain("unclosed '{' at character 3")
    expect(err('a/name}').message).toContain("stray '}' at character 7")
    expect(err('{}').message).toContain('unknown placeholder {}')
  })

  it('renders {relpath} relative to the glob prefix', () => {
    const v = templateVars('docs/legacy/api/v1.md', 'docs/legacy')
    expect(v).toEqual({
      path: 'docs/legacy/api/v1.md',
      dir: 'docs/legacy/api',
      name: 'v1.md',
      stem: 'v1',
      ext: '.md',
      relpath: 'api/v1.md'
    })
    expect(renderTemplate(parseTemplate('docs/archive/{relpath}'), v)).toBe('docs/archive/api/v1.md')
    expect(templateVars('a/b.txt', '.').relpath).toBe('a/b.txt')
    // A match outside the prefix (an `each` over another tree) falls back to its name.
    expect(templateVars('other/b.txt', 'docs').relpath).toBe('b.txt')
  })

  it('gives {ext} with its dot, only the last extension, and none for dotfiles', () => {
    expect(templateVars('src/app.js', 'src')).toMatchObject({ ext: '.js', stem: 'app' })
    expect(templateVars('dist/pkg.tar.gz', 'dist')).toMatchObject({ ext: '.gz', stem: 'pkg.tar' })
    expect(templateVars('home/.bashrc', 'home')).toMatchObject({ ext: '', stem: '.bashrc', name: '.bashrc' })
    expect(templateVars('Makefile', '.')).toMatchObject({ ext: '', stem: 'Makefile', dir: '.' })
    expect(templateVars('.env.local', '.')).toMatchObject({ ext: '.local', stem: '.env' })
  })

  it('treats a directory match (trailing slash) as the directory', () => {
    expect(templateVars('packages/a/', 'packages')).toMatchObject({
      path: 'packages/a',
      name: 'a',
      dir: 'packages',
      relpath: 'a'
    })
  })
})

describe('pathProblem', () => {
  it.each([
    'docs/a.md',
    'a/./b',
    'a/../b',
    '.gitignore',
    '.github/workflows/ci.yml',
    'my.git/x',
    'git/x',
    '.bulk-ops-notes/x',
    'docs/.bulk-ops/x',
    'a b/c d.txt',
    'notes:v2.md'
  ])('accepts %j', p => {
    expect(pathProblem(p)).toBeNull()
  })

  it.each([
    ['', 'is empty'],
    ['/etc/passwd', 'is absolute'],
    ['C:\\x', 'Windows absolute path'],
    ['C:/x', 'Windows absolute path'],
    ['c:', 'Windows absolute path'],
    ['\\\\server\\share', 'Windows absolute path'],
    ['docs\\a.md', 'backslash'],
    ['..', 'leaves the workspace'],
    ['../x', 'leaves the workspace'],
    ['a/../../b', 'leaves the workspace'],
    ['./../x', 'leaves the workspace'],
    ['.git', 'inside .git/'],
    ['.git/config', 'inside .git/'],
    ['vendor/lib/.git/HEAD', 'inside .git/'],
    ['.GIT/config', 'inside .git/'],
    ['a/./.git/x', 'inside .git/'],
    ['.bulk-ops/state.json', 'inside .bulk-ops/'],
    ['./.bulk-ops/x', 'inside .bulk-ops/'],
    ['a\0b', 'NUL']
  ])('refuses %j (%s)', (p, why) => {
    expect(pathProblem(p)).toContain(why)
    expect(planPathProblem(p)).toContain(why)
  })

  it('gives the same verdict as the rules spelled out, for any string of the awkward characters', () => {
    // The rules, plainly: what pathProblem decides, without its shortcut for ordinary paths.
    const refused = (p: string): boolean => {
      if (p === '' || p.includes('\0') || /^[A-Za-z]:/.test(p) || p.startsWith('/') || p.includes('\\'))
        return true
      const norm = posix.normalize(p)
      if (norm === '..' || norm.startsWith('../')) return true
      const segs = norm.split('/')
      return segs.some(x => x.toLowerCase() === '.git') || segs[0].toLowerCase() === '.bulk-ops'
    }
    const piece = fc.constantFrom(
      '.',
      '..',
      '/',
      '//',
      '\\',
      '\0',
      'a',
      'C:',
      '.git',
      '.GIT',
      'git',
      '.bulk-ops',
      '-ops',
      'x.md',
      ' '
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), parts => {
        const p = parts.join('')
        expect(pathProblem(p) !== null, JSON.stringify(p)).toBe(refused(p))
        // The one-test shortcut never lets through what the rules refuse or would normalise.
        if (isPlainPath(p)) {
          expect(refused(p), JSON.stringify(p)).toBe(false)
          expect(normalizeRel(p), JSON.stringify(p)).toBe(p)
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('refuses percent-encoding in plan text, but not in the name of a real file', () => {
    for (const p of ['%2e%2e/x', '%2E%2E/x', 'a%2Fb', 'a%5cb']) {
      expect(planPathProblem(p), p).toContain('percent-encoded')
      // A matched file may well be called `a%2Fb.md`; nothing is ever URL-decoded.
      expect(pathProblem(p), p).toBeNull()
    }
    expect(planPathProblem('100%25.md')).toBeNull()
  })
})

describe('globs', () => {
  it.each([
    ['docs/**/*.md', 'docs'],
    ['**/*.md', '.'],
    ['*.md', '.'],
    ['src/lib/*.js', 'src/lib'],
    ['packages/*/', 'packages'],
    ['a/[bc]/d', 'a'],
    ['x?/y', '.'],
    ['docs/legacy/**', 'docs/legacy'],
    ['a/b/c.txt', 'a/b'],
    ['file.txt', '.']
  ])('globPrefix(%j) is %j', (g, prefix) => {
    expect(globPrefix(g)).toBe(prefix)
  })

  it('globPrefix of any text is the literal segments before the first glob, the last one dropped', () => {
    const reference = (g: string): string => {
      const segs = g.split('/')
      const lit: string[] = []
      for (const seg of segs) {
        if (isGlob(seg)) break
        lit.push(seg)
      }
      if (lit.length === segs.length) lit.pop()
      return lit.filter(x => x !== '').join('/') || '.'
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b.c', '/', '/', '*', '?x', ''), { maxLength: 8 }), parts => {
        const g = parts.join('')
        expect(globPrefix(g), g).toBe(reference(g))
      }),
      { numRuns: 500 }
    )
  })

  it('tells globs from literal paths', () => {
    expect(isGlob('a/*.md')).toBe(true)
    expect(isGlob('a/?.md')).toBe(true)
    expect(isGlob('a/[ab].md')).toBe(true)
    expect(isGlob('a/b.md')).toBe(false)
    expect(isGlob('a/{b}.md')).toBe(false)
  })

  it.each([
    ['!docs/*.md', "starts with '!'"],
    ['#*.md', "starts with '#'"],
    ['docs/*.md\nx', 'line break'],
    ['~/x/*', "starts with '~'"],
    ['docs/../*.md', "'.' or '..' segments"],
    ['docs/[ab.md', "unclosed '['"]
  ])('globProblem(%j) mentions %j', (g, why) => {
    expect(globProblem(g)).toContain(why)
  })

  it('accepts ordinary globs', () => {
    for (const g of ['docs/**/*.md', 'packages/*/', '**/*.orig', 'a/[ab]/c', 'x/*.{js,ts}']) {
      expect(globProblem(g), g).toBeNull()
    }
  })
})

describe('messages from parsePlan', () => {
  it('names file, line, column, operation, id, kind and field', () => {
    const e = planError(yml('  - mkdir: a\n  - id: mv\n    move: { from: a, to: /b }\n'))
    expect(e.message).toBe(
      "plan.yml:5:26: operations[1] (mv, move): move.to: '/b' is absolute; paths are relative to the workspace"
    )
    expect(e.where).toMatchObject({ op: 1, id: 'mv', kind: 'move', field: 'move.to', line: 5, column: 26 })
  })

  it('suggests close names and not far ones', () => {
    expect(closest('mvoe', ['mkdir', 'move', 'rename'])).toBe('move')
    expect(closest('form', ['from', 'to'])).toBe('from')
    expect(closest('to', ['id', 'each'])).toBeUndefined()
    expect(closest('Path', ['path', 'dir'])).toBe('path')
    expect(planError(yml('  - copy: { from: a, tow: b }\n')).message).toContain("did you mean 'to'?")
  })

  it('accepts what looks odd but is right', () => {
    // Into the root keeps the name; `${path}` and `{{path}}` are not placeholders in shell text.
    expect(() => parsePlan(yml('  - move: { from: "docs/*.md", to: "./" }\n'), 'p.yml')).not.toThrow()
    expect(() => parsePlan(yml('  - run: { shell: "echo ${path} {{path}}" }\n'), 'p.yml')).not.toThrow()
    expect(() => parsePlan(yml('  - mkdir: "./~/x"\n'), 'p.yml')).not.toThrow()
    expect(() => parsePlan('\ufeffversion: 1\noperations:\n  - mkdir: a\n', 'p.yml')).not.toThrow()
    expect(() => parsePlan('{"version": 1, "operations": [{"mkdir": "a"}]}', 'p.json')).not.toThrow()
  })

  it('reads a .json plan as strict JSON, with the position of the first error', () => {
    const e = planError('{\n  "version": 1,\n  "operations": [{ "mkdir": "a" },]\n}\n', 'p.json')
    expect(e.message).toBe("p.json:3:35: invalid JSON: trailing comma before ']'")
    // The same text is valid YAML (a flow sequence may end with a comma).
    expect(() => parsePlan('{"version": 1, "operations": [{"mkdir": "a"},]}', 'p.yml')).not.toThrow()
  })
})

describe('JSON plans', () => {
  const json = (ops: unknown[]): string => JSON.stringify({ version: 1, operations: ops }, null, 2)

  it('name a key that appears twice, with its line, wherever it is', () => {
    const top = planError(
      '{\n  "version": 1,\n  "operations": [{ "mkdir": "a" }],\n  "version": 1\n}\n',
      'p.json'
    )
    expect(top.message).toMatch(/^p\.json:4:3: invalid JSON: the key "version" appears twice/)
    const deep = planError(
      '{"version": 1, "operations": [\n {"mkdir": "a:b"},\n {"copy": {"from": "x", "to": "y:", "to": "z"}}]}',
      'p.json'
    )
    expect(deep.message).toMatch(/^p\.json:3:\d+: invalid JSON: the key "to" appears twice/)
    const escaped = planError(
      '{"version": 1, "operations": [{"mkdir": "a\\u003a"}], "operations": []}',
      'p.json'
    )
    expect(escaped.message).toContain('"operations" appears twice')
  })

  it('carry line and column in schema, path and preflight errors', async () => {
    const ops = [{ mkdir: 'a' }, { mkdir: 'b' }, { copy: { from: 'templates/LICENSE' } }]
    const schema = planError(json(ops), 'p.json')
    expect(schema.message).toMatch(/^p\.json:\d+:\d+: operations\[2\]/)
    expect(schema.where).toMatchObject({ op: 2, field: 'copy.to', line: 11 })
    const path = planError(json([{ mkdir: 'a' }, { delete: '../x' }]), 'p.json')
    expect(path.where).toMatchObject({ op: 1, field: 'delete', line: 8 })

    const ws = tempDir('bulk-ops-json-preflight-')
    const outside = tempDir('bulk-ops-outside-')
    try {
      symlinkSync(outside, join(ws, 'vendor'))
      const sandbox = new Sandbox(ws)
      await sandbox.init()
      const plan = parsePlan(json([{ mkdir: 'a' }, { copy: { from: 'a', to: 'vendor/a' } }]), 'p.json')
      const e = await preflight(plan, sandbox).then(
        () => null,
        (err: unknown) => err as PlanError
      )
      expect(e?.message).toMatch(/^p\.json:10:\d+: operations\[1\]/)
      expect(e?.where).toMatchObject({ op: 1, field: 'copy.to', line: 10 })
    } finally {
      removeDir(ws)
      removeDir(outside)
    }
  })

  it('tell repeated keys from colons in keys and strings (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (v, w, indent) => {
        const text = JSON.stringify(v, null, indent)
        expect(mayRepeatKeys(text, JSON.parse(text))).toBe(false)
        const dup = `[{"k:":${JSON.stringify(v)},"k:":${JSON.stringify(w)}}]`
        expect(mayRepeatKeys(dup, JSON.parse(dup))).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})

describe('jsonSyntaxError', () => {
  it('agrees with JSON.parse on valid documents', () => {
    for (const t of ['{}', '[]', '[1, -2.5e3, true, false, null, "a\\"b\\u00e9"]', ' {"a": {"b": []}} ']) {
      expect(jsonSyntaxError(t), t).toBeNull()
      expect(() => JSON.parse(t)).not.toThrow()
    }
  })

  it.each([
    ['{"a": 1,}', 8, 'trailing comma'],
    ['[1, 2,]', 6, 'trailing comma'],
    ['{"a": 1 "b": 2}', 8, "',' or '}'"],
    ["{'a': 1}", 1, 'double quotes'],
    ['{"a": 1} // x', 9, 'comments'],
    ['{"a": [1, 2}', 11, "',' or ']'"],
    ['{"a": ', 6, 'the text ends'],
    ['{"a": tru}', 6, 'a value'],
    ['{"a\nb": 1}', 1, 'unterminated string']
  ])('finds the error in %j at offset %i', (t, offset, why) => {
    const r = jsonSyntaxError(t)
    expect(r?.offset).toBe(offset)
    expect(r?.message).toContain(why)
    expect(() => JSON.parse(t)).toThrow()
  })

  it('handles deep nesting without overflowing the stack', () => {
    expect(jsonSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull()
    expect(jsonSyntaxError('['.repeat(100_000))?.message).toContain('the text ends')
  })
})

describe('preflight against symlinks in the workspace', () => {
  const dirs: string[] = []
  afterEach(() => {
    while (dirs.length) removeDir(dirs.pop()!)
  })

  async function check(body: string): Promise<PlanError | null> {
    const ws = tempDir('bulk-ops-preflight-')
    const outside = tempDir('bulk-ops-outside-')
    dirs.push(ws, outside)
    writeTree(ws, { 'docs/a.md': 'a\n', 'templates/LICENSE': 'MIT\n' })
    writeTree(outside, { 'x.md': 'x\n' })
    symlinkSync(outside, join(ws, 'vendor'))
    symlinkSync('docs', join(ws, 'docs-link'))
    mkdirSync(join(ws, 'packages/a'), { recursive: true })
    const sandbox = new Sandbox(ws)
    await sandbox.init()
    try {
      await preflight(parsePlan(yml(body), 'plan.yml'), sandbox)
      return null
    } catch (err) {
      expect(err).toBeInstanceOf(PlanError)
      return err as PlanError
    }
  }

  it.each([
    ['  - copy: { from: docs/a.md, to: vendor/a.md }\n', 'copy.to', 3],
    ['  - copy: { from: docs/a.md, to: vendor/ }\n', 'copy.to', 3],
    ['  - delete: "vendor/*.md"\n', 'delete', 3],
    ['  - replace: { files: "vendor/**/*.md", find: a, with: b }\n', 'replace.files', 3],
    ['  - mkdir: vendor/new\n', 'mkdir', 3],
    ['  - write: { path: vendor/x.md, content: "" }\n', 'write.path', 3],
    [
      '  - mkdir: a\n  - copy: { from: templates/LICENSE, to: "vendor/{name}" }\n    each: "packages/*/"\n',
      'copy.to',
      4
    ],
    ['  - copy: { from: templates/LICENSE, to: "{path}/LICENSE" }\n    each: "vendor/*/"\n', 'each', 4],
    ['  - run: { command: [touch, x], creates: vendor/done }\n', 'run.creates', 3]
  ])('refuses %j', async (body, field, line) => {
    const e = await check(body)
    expect(e?.message).toContain("passes through symlink 'vendor', which points outside the workspace")
    expect(e?.where.field).toBe(field)
    expect(e?.where.line).toBe(line)
    expect(e?.message).toMatch(new RegExp(`^plan\\.yml:${line}:\\d+: operations\\[\\d\\]`))
  })

  it.each([
    '  - copy: { from: docs/a.md, to: docs-link/b.md }\n',
    '  - delete: "docs-link/*.md"\n',
    '  - delete: vendor\n',
    '  - copy: { from: templates/LICENSE, to: "{path}/LICENSE" }\n    each: "packages/*/"\n',
    '  - move: { from: "docs/*.md", to: "archive/{name}" }\n'
  ])('accepts %j (a symlink inside the workspace, or the link itself)', async body => {
    expect(await check(body)).toBeNull()
  })
})
