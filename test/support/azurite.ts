import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BlobSASPermissions,
  ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'

/** Azurite's fixed development account (public, documented by Microsoft; not a secret). */
export const DEV_ACCOUNT_NAME = 'devstoreaccount1'
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface AzuriteOptions {
  /** Persist blobs in this directory instead of memory (Azurite refuses both at once). */
  location?: string
  /** Container created at start; default `actions-results`. */
  containerName?: string
  /** How long to wait for the "listens on" line; default 30 s. */
  startTimeoutMs?: number
}

export interface SignedUrlOptions {
  /** Lifetime of the SAS; default one hour. */
  ttlMs?: number
  /** Served back as Content-Disposition on download (the `rscd` SAS field). */
  contentDisposition?: string
}

export interface Azurite {
  port: number
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  accountUrl: string
  containerName: string
  /** Authenticated with the shared key, for direct inspection from tests. */
  containerClient: ContainerClient
  /** SAS URL allowing create + write of one blob (Put Blob, Put Block, Put Block List). */
  uploadUrl(blobName: string, opts?: SignedUrlOptions): string
  /** SAS URL allowing read of one blob. */
  downloadUrl(blobName: string, opts?: SignedUrlOptions): string
  /** Committed size of a blob, or undefined when it does not exist. */
  blobSize(blobName: string): Promise<number | undefined>
  /** Deletes a blob if present. */
  deleteBlob(blobName: string): Promise<void>
  /** Kills Azurite and waits for the process to exit. Idempotent. */
  stop(): Promise<void>
}

const live = new Set<ChildProcess>()
let exitHookInstalled = false

// Last-resort cleanup: 'exit' handlers must be synchronous, so SIGKILL whatever is still running.
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
}

// Preloaded into Azurite: exit when our end of its stdin closes. That covers stop() and also the
// case where the test process dies without running its 'exit' handlers (SIGKILL, OOM).
const WATCHDOG = [
  "process.stdin.on('end', () => process.exit(0))",
  "process.stdin.on('error', () => process.exit(0))",
  'process.stdin.resume()'
].join(';')

/** Starts Azurite's blob service on 127.0.0.1 with a random port and creates one container. */
export async function startAzurite(opts: AzuriteOptions = {}): Promise<Azurite> {
  const require = createRequire(import.meta.url)
  const mainJs = join(require.resolve('azurite/package.json'), '..', 'dist', 'src', 'blob', 'main.js')
  const containerName = opts.containerName ?? 'actions-results'
  // Azurite may write debug/extent files into its cwd; keep them out of the repository.
  const cwd = mkdtempSync(join(tmpdir(), 'azurite-'))
  const args = [
    `--import=data:text/javascript,${encodeURIComponent(WATCHDOG)}`,
    mainJs,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
    ...(opts.location ? ['--location', opts.location] : ['--inMemoryPersistence'])
  ]
  const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: azuriteEnv() })
  installExitHook()
  live.add(child)
  const exited = new Promise<void>(resolve => {
    child.once('exit', () => {
      live.delete(child)
      rmSync(cwd, { recursive: true, force: true })
      resolve()
    })
  })

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end()
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
    })()
    return stopping
  }

  let port: number
  try {
    port = await waitForPort(child, exited, opts.startTimeoutMs ?? 30_000)
  } catch (err) {
    await stop()
    throw err
  }

  const accountUrl = `http://127.0.0.1:${port}/${DEV_ACCOUNT_NAME}`
  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT_NAME, DEV_ACCOUNT_KEY)
  const containerClient = new ContainerClient(`${accountUrl}/${containerName}`, credential)
  try {
    await containerClient.createIfNotExists()
  } catch (err) {
    await stop()
    throw err
  }

  const sign = (blobName: string, permissions: string, o: SignedUrlOptions = {}): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + (o.ttlMs ?? 3_600_000)),
        contentDisposition: o.contentDisposition
      },
      credential
    )
    return `${containerClient.getBlockBlobClient(blobName).url}?${sas.toString()}`
  }

  return {
    port,
    accountUrl,
    containerName,
    containerClient,
    uploadUrl: (blobName, o) => sign(blobName, 'cw', o),
    downloadUrl: (blobName, o) => sign(blobName, 'r', o),
    async blobSize(blobName) {
      try {
        const props = await containerClient.getBlockBlobClient(blobName).getProperties()
        return props.contentLength ?? 0
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return undefined
        throw err
      }
    },
    async deleteBlob(blobName) {
      await containerClient.getBlockBlobClient(blobName).deleteIfExists()
    },
    stop
  }
}

// Azurite only needs PATH-like basics; in particular it must not inherit proxy settings.
function azuriteEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    if (process.env[name] !== undefined) env[name] = process.env[name]
  }
  return env
}

function waitForPort(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`Azurite did not report its port within ${timeoutMs} ms`), timeoutMs)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const m = /(?:listens on|listening at) https?:\/\/[^\s:]+:(\d+)/.exec(output)
      if (m) {
        cleanup()
        resolve(Number(m[1]))
      }
    }
    const fail = (why: string): void => {
      cleanup()
      reject(new Error(`${why}\n--- Azurite output ---\n${output}`))
    }
    const cleanup = (): void => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      // Keep draining so a chatty Azurite never blocks on a full pipe.
      child.stdout?.resume()
      child.stderr?.resume()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then(() => fail(`Azurite exited before listening (code ${child.exitCode})`))
  })
}
