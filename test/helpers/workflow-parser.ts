// GitHub's own parser for workflow files and action metadata (@actions/workflow-parser, from the
// Actions language services), as a list of errors per file: what it rejects, GitHub rejects.
import { registerHooks } from 'node:module'

// The package imports its schemas as `import schema from "./x.json"` without the `type: json`
// attribute that Node requires (actions/languageservices#387); add it for that package's JSON only.
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/'))
      return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
    return next(url, context)
  }
})

const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
  await import('@actions/workflow-parser')
const { parseAction, convertActionTemplate } = await import('@actions/workflow-parser/actions/index')

/** Messages of a template context's errors (file, line, column and what is wrong). */
function messages(errors: { getErrors(): { message: string }[] }): string[] {
  return [...new Set(errors.getErrors().map(e => e.message))]
}

/** GitHub's errors for a workflow file: its schema, expressions, and the checks of its conversion to jobs. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  if (!parsed.value) return [...messages(parsed.context.errors), `${name}: no workflow`]
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  return [...new Set([...messages(parsed.context.errors), ...(template.errors ?? []).map(e => e.Message)])]
}

/** GitHub's errors for action metadata (action.yml), and how it reads `runs`. */
export function actionErrors(
  name: string,
  content: string
): { errors: string[]; runs?: Record<string, unknown> } {
  const parsed = parseAction({ name, content }, new NoOperationTraceWriter())
  if (!parsed.value) return { errors: [...messages(parsed.context.errors), `${name}: no action`] }
  const action = convertActionTemplate(parsed.context, parsed.value)
  return {
    errors: messages(parsed.context.errors),
    runs: action?.runs as Record<string, unknown> | undefined
  }
}
