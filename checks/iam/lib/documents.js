// Every IAM policy document a plan's resources carry, wherever it sits in their inputs: a JSON string (an inline or
// managed policy, a trust, a key, bucket, topic, registry or endpoint policy) or an object inside another document
// (a CloudFormation template's resource properties).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What a document is, by the resource type and input that carries it; others are told apart by their principals. */
const KINDS = [
  ['aws:iam/role:Role', 'assumeRolePolicy', 'trust'],
  ['aws:iam/role:Role', 'inlinePolicies[].policy', 'identity'],
  ['aws:iam/rolePolicy:RolePolicy', 'policy', 'identity'],
  ['aws:iam/policy:Policy', 'policy', 'managed'],
  ['aws:kms/key:Key', 'policy', 'key'],
  ['aws:s3/bucketPolicy:BucketPolicy', 'policy', 'bucket'],
  ['aws:sns/topicPolicy:TopicPolicy', 'policy', 'topic'],
  ['aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy', 'resourcePolicy', 'model-package-group'],
  ['aws:ec2/vpcEndpoint:VpcEndpoint', 'policy', 'vpc-endpoint']
]

export function readPlan(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The plan a check's command line names (default: the repository's target/plans/shipped.json), or exit 2. */
export function planOfCommandLine(tool, argument) {
  const file = argument ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'plans',
    'shipped.json')
  try {
    return readPlan(file)
  } catch (error) {
    console.error(`${tool}: cannot read the plan ${file}: ${error.message}`)
    process.exit(2)
  }
}

/**
 * @returns {{stack: string, resource: object, path: string, kind: string, document: object}[]} every document of
 *   every stack of the plan; kind is one of KINDS' kinds, 'boundary' for a managed policy some role has as its
 *   permissions boundary, or 'resource' / 'identity' for a document found elsewhere (with or without principals)
 */
export function policyDocuments(plan) {
  const found = []
  for (const stack of plan.stacks) {
    const boundaries = boundaryNames(stack)
    for (const resource of stack.resources) {
      for (const [path, document] of documentsIn(resource.inputs ?? {}, '')) {
        found.push({ stack: stack.stack, resource, path, kind: kindOf(resource, path, document, boundaries), document })
      }
    }
  }
  return found
}

/** Statements of a document as a list (IAM accepts a single statement object too). */
export function statementsOf(document) {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement]
}

/** A value IAM accepts as a string or a list of strings, as a list. */
export function listOf(value) {
  if (value === undefined || value === null) {
    return []
  }
  return Array.isArray(value) ? value : [value]
}

function* documentsIn(value, path) {
  if (typeof value === 'string') {
    const parsed = parseJson(value)
    if (parsed !== undefined) {
      yield* documentsIn(parsed, path)
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      yield* documentsIn(item, path + '[]')
    }
  } else if (value && typeof value === 'object') {
    if (isPolicyDocument(value)) {
      yield [path, value]
      return
    }
    for (const [key, item] of Object.entries(value)) {
      yield* documentsIn(item, path ? `${path}.${key}` : key)
    }
  }
}

function isPolicyDocument(value) {
  return 'Statement' in value && typeof value.Statement === 'object' && value.Statement !== null
}

function parseJson(text) {
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function kindOf(resource, path, document, boundaries) {
  const known = KINDS.find(([type, input]) => type === resource.type && input === path)
  if (known) {
    const kind = known[2]
    if (kind === 'managed') {
      return boundaries.has(`${resource.provider ?? ''}|${resource.inputs.name}`) ? 'boundary' : 'identity'
    }
    return kind
  }
  return statementsOf(document).some((statement) => statement.Principal || statement.NotPrincipal)
    ? 'resource'
    : 'identity'
}

/** provider|policy name of every managed policy a role of the stack has as its permissions boundary. */
function boundaryNames(stack) {
  const names = new Set()
  for (const resource of stack.resources) {
    const boundary = resource.type === 'aws:iam/role:Role' && resource.inputs?.permissionsBoundary
    if (boundary) {
      names.add(`${resource.provider ?? ''}|${boundary.slice(boundary.indexOf(':policy/') + ':policy/'.length)}`)
    }
  }
  return names
}
