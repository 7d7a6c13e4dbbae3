// The rules every statement of every policy document must pass against the Service Authorization Reference.
import { listOf, statementsOf } from './documents.js'
import { resourceMatchesFormat, wildcardMatches } from './patterns.js'

export const RULES = {
  'unknown-service': 'the action names a service prefix the catalog does not know',
  'unknown-action': 'the action (or pattern) names no action of its service',
  'unknown-condition-key': 'the condition key is neither a global key nor a key of any service',
  'unknown-operator': 'the condition operator is not one IAM defines',
  'operator-type-mismatch': "the operator, its set qualifier or its values do not fit the key's type",
  'condition-key-not-carried': "the statement's actions (some or all of them) never carry the condition key",
  'resource-matches-no-type': "a resource matches none of the action's resource types: that scope grants nothing",
  'wildcard-only-action-scoped': 'the action accepts only Resource "*": a specific ARN grants nothing',
  'wildcard-in-resource-type': 'a wildcard stands for the resource type of an ARN, which IAM never matches',
  'stale-allowlist-entry': 'an allowlist entry matches no finding any more'
}

/** Operator families and the key types each fits (ARN keys are strings too, and ARN operators compare strings). */
const FAMILIES = [
  [/^String(Not)?(Equals|EqualsIgnoreCase|Like)$/, ['String', 'ARN']],
  [/^Arn(Not)?(Equals|Like)$/, ['ARN', 'String']],
  [/^Numeric(Not)?(Equals|LessThan|LessThanEquals|GreaterThan|GreaterThanEquals)$/, ['Numeric']],
  [/^Date(Not)?(Equals|LessThan|LessThanEquals|GreaterThan|GreaterThanEquals)$/, ['Date']],
  [/^Bool$/, ['Bool']],
  [/^BinaryEquals$/, ['Binary']],
  [/^(Not)?IpAddress$/, ['IPAddress']],
  [/^Null$/, null]
]

/** Operators that hold when the key is absent: a condition of them on a missing key restricts nothing. */
const NEGATED = /Not|^Null$/

/**
 * @param documents from policyDocuments(plan)
 * @param catalog   a Catalog
 * @returns {Promise<{findings: object[], figures: object}>}
 */
export async function checkDocuments(documents, catalog) {
  const findings = []
  const actions = new Set()
  const expanded = new Set()
  let statements = 0
  for (const entry of documents) {
    for (const [index, statement] of statementsOf(entry.document).entries()) {
      statements++
      const where = {
        stack: entry.stack,
        resourceName: entry.resource.name,
        resourceType: entry.resource.type,
        path: entry.path,
        kind: entry.kind,
        statement: statement.Sid ?? `#${index + 1}`
      }
      const report = (finding) => findings.push({ ...where, ...finding })
      const named = await checkActions(statement, catalog, report)
      named.forEach(({ element, matches }) => {
        actions.add(element)
        matches.forEach((match) => expanded.add(match.action))
      })
      if (statement.Action !== undefined && statement.Resource !== undefined && entry.kind !== 'trust') {
        checkResources(statement, named, report)
      }
      await checkConditions(statement, named, catalog, report)
    }
  }
  return {
    findings,
    figures: { documents: documents.length, statements, actions: actions.size, expandedActions: expanded.size }
  }
}

/** @returns the statement's action elements with the catalog actions each names ('*' names every action). */
async function checkActions(statement, catalog, report) {
  const named = []
  for (const element of [...listOf(statement.Action), ...listOf(statement.NotAction)]) {
    if (element === '*') {
      named.push({ element, matches: [], all: true })
      continue
    }
    const prefix = element.split(':')[0]
    const matches = await catalog.actions(element)
    if (!(await catalog.serviceExists(prefix))) {
      report({ rule: 'unknown-service', action: element, message: `no service "${prefix}" in the catalog` })
    } else if (matches.length === 0) {
      report({ rule: 'unknown-action', action: element, message: `no action of ${prefix} matches ${element}` })
    }
    named.push({ element, matches, all: false, negated: listOf(statement.NotAction).includes(element) })
  }
  return named
}

function checkResources(statement, named, report) {
  const resources = listOf(statement.Resource)
  for (const resource of resources.filter(hasWildcardResourceType)) {
    report({
      rule: 'wildcard-in-resource-type',
      resource,
      resources: [resource],
      message: `${resource}: the resource type before the first / or : must be literal`
        + ' (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html, incorrect wildcard usage)'
    })
  }
  if (resources.includes('*')) {
    return
  }
  const scoped = named.filter((entry) => !entry.all && !entry.negated && entry.matches.length > 0)
  for (const { element, matches } of scoped) {
    if (matches.every((match) => match.wildcardOnly)) {
      report({
        rule: 'wildcard-only-action-scoped',
        action: element,
        resources,
        message: `${element} supports no resource-level permissions; ${resources.join(', ')} grants nothing`
      })
    } else if (!resources.some((resource) => matchesAnyType(resource, matches))) {
      report({
        rule: 'resource-matches-no-type',
        action: element,
        resources,
        message: `none of ${resources.join(', ')} is an ARN of ${typesOf(matches)}`
      })
    }
  }
  // With one action, a resource it cannot use is already reported above.
  const everyMatch = scoped.length > 1 ? scoped.flatMap((entry) => entry.matches) : []
  for (const resource of resources) {
    if (everyMatch.length > 0 && !matchesAnyType(resource, everyMatch) && !everyMatch.every((m) => m.wildcardOnly)) {
      report({
        rule: 'resource-matches-no-type',
        resource,
        resources: [resource],
        message: `${resource} is an ARN of none of the statement's actions (${typesOf(everyMatch)})`
      })
    }
  }
}

/**
 * Whether the ARN's resource part names its type with a wildcard (arn:aws:codebuild:...:*\/name). S3 ARNs have no
 * type part; a resource part that is a lone wildcard matches every type.
 */
function hasWildcardResourceType(resource) {
  const fields = resource.split(':')
  if (fields.length < 6 || (fields[2] === 's3' && fields[3] === '' && fields[4] === '')) {
    return false
  }
  const rest = fields.slice(5).join(':')
  const end = rest.search(/[/:]/)
  return end > 0 && /[*?]|\$\{/.test(rest.slice(0, end))
}

function matchesAnyType(resource, matches) {
  return matches.some((match) => match.resourceTypes.some((type) => resourceMatchesFormat(resource, type.format)))
}

function typesOf(matches) {
  const types = new Set(matches.flatMap((match) => match.resourceTypes.map((type) => `${type.name} (${type.format})`)))
  return [...types].join(', ') || 'no resource type'
}

async function checkConditions(statement, named, catalog, report) {
  const condition = statement.Condition ?? {}
  const knowsActions = !named.some((entry) => entry.all || entry.negated) && named.length > 0
  const everyMatch = named.flatMap((entry) => entry.matches)
  for (const [operator, entries] of Object.entries(condition)) {
    const parsed = parseOperator(operator)
    if (!parsed) {
      report({ rule: 'unknown-operator', operator, message: `"${operator}" is not an IAM condition operator` })
      continue
    }
    for (const [key, value] of Object.entries(entries)) {
      const catalogKey = await catalog.conditionKey(key)
      if (!catalogKey) {
        report({ rule: 'unknown-condition-key', key, message: `no global or service condition key "${key}"` })
        continue
      }
      checkOperator(parsed, operator, key, catalogKey.type, listOf(value), report)
      if (knowsActions && everyMatch.length > 0) {
        checkCarried(parsed, operator, key, everyMatch, catalog, report)
      }
    }
  }
}

function parseOperator(operator) {
  const match = /^(ForAnyValue:|ForAllValues:)?(.+?)(IfExists)?$/.exec(operator)
  const family = FAMILIES.find(([pattern]) => pattern.test(match[2]))
  if (!family || (match[3] && match[2] === 'Null')) {
    return undefined
  }
  return { set: match[1]?.slice(0, -1), name: match[2], ifExists: Boolean(match[3]), types: family[1] }
}

function checkOperator(parsed, operator, key, type, values, report) {
  const multivalued = type.startsWith('ArrayOf')
  const base = multivalued ? type.slice('ArrayOf'.length) : type
  const mismatch = (message) => report({ rule: 'operator-type-mismatch', operator, key, message })
  if (parsed.types === null) {
    if (!values.every((value) => value === 'true' || value === 'false' || value === true || value === false)) {
      mismatch(`Null takes true or false, got ${JSON.stringify(values)}`)
    }
    return
  }
  if (!parsed.types.includes(base)) {
    mismatch(`${key} is of type ${type}; ${operator} compares ${parsed.types.join(' or ')} values`)
    return
  }
  if (multivalued && !parsed.set) {
    mismatch(`${key} is multivalued (${type}): it needs ForAnyValue: or ForAllValues:`)
  }
  if (!multivalued && parsed.set === 'ForAllValues') {
    mismatch(`${key} is single-valued: ForAllValues: holds when the key is absent`)
  }
  if (base === 'Bool' && !values.every((value) => /^(true|false)$/i.test(String(value)))) {
    mismatch(`${key} is Bool; got ${JSON.stringify(values)}`)
  }
  if (base === 'Numeric' && !values.every((value) => /^-?\d+(\.\d+)?$/.test(String(value)))) {
    mismatch(`${key} is Numeric; got ${JSON.stringify(values)}`)
  }
  if (parsed.name.startsWith('Arn') && !values.every((value) => /^arn:|^[*?]/.test(String(value)))) {
    mismatch(`${operator} compares ARNs; got ${JSON.stringify(values)}`)
  }
}

function checkCarried(parsed, operator, key, matches, catalog, report) {
  const missing = matches.filter((match) => !catalog.carries(match, key))
  if (missing.length === matches.length) {
    const restricts = NEGATED.test(parsed.name) || parsed.ifExists
      ? 'it is always met and restricts nothing'
      : 'it is never met and the statement never applies'
    report({
      rule: 'condition-key-not-carried',
      operator,
      key,
      action: matches.length === 1 ? matches[0].action : undefined,
      message: `no action of the statement carries ${key}: ${restricts}`
    })
  } else if (missing.length > 0 && !NEGATED.test(parsed.name) && !parsed.ifExists) {
    for (const match of missing) {
      report({
        rule: 'condition-key-not-carried',
        operator,
        key,
        action: match.action,
        message: `${match.action} never carries ${key}: with ${operator} the statement never applies to it`
      })
    }
  }
}

/**
 * Findings the allowlist accepts, findings left, and allowlist entries no finding matched.
 * @param allowlist entries {rule, action?, resource?, key?, reason, source}
 */
export function applyAllowlist(findings, allowlist) {
  const used = new Set()
  const left = []
  const accepted = []
  for (const finding of findings) {
    const entry = allowlist.find((candidate) => accepts(candidate, finding))
    if (entry) {
      used.add(entry)
      accepted.push({ ...finding, reason: entry.reason })
    } else {
      left.push(finding)
    }
  }
  const stale = allowlist.filter((entry) => !used.has(entry)).map((entry) => ({
    rule: 'stale-allowlist-entry',
    stack: '-',
    resourceName: '-',
    resourceType: 'allowlist',
    path: '',
    statement: '-',
    message: `${JSON.stringify({ rule: entry.rule, action: entry.action, resource: entry.resource, key: entry.key })}`
      + ' matches no finding: remove it'
  }))
  return { left: [...left, ...stale], accepted }
}

function accepts(entry, finding) {
  return entry.rule === finding.rule
    && (entry.action === undefined || (finding.action ?? '').toLowerCase() === entry.action.toLowerCase())
    && (entry.key === undefined || (finding.key ?? '').toLowerCase() === entry.key.toLowerCase())
    && (entry.resource === undefined
      || (finding.resources ?? []).some((resource) => wildcardMatches(entry.resource, resource)))
}

/** One line per finding: where it is, then what is wrong. */
export function formatFinding(finding) {
  const where = `${finding.stack}: ${finding.resourceName} (${finding.resourceType})`
    + `${finding.path ? ` ${finding.path}` : ''} statement ${finding.statement}`
  return `[${finding.rule}] ${where}: ${finding.message}`
}
