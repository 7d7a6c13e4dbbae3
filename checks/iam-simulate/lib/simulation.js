// One concrete call evaluated by @cloud-copilot/iam-simulate against everything AWS would evaluate: the principal's
// identity policies and permissions boundary, the resource policy of what it calls (bucket, key, trust, topic,
// model package group), and the endpoint policy of the VPC endpoint the request passes through.
import {
  allowedContextKeysForRequest,
  getDenialReasons,
  getGrantReasons,
  runSimulation,
  runUnsafeSimulation
} from '@cloud-copilot/iam-simulate'
import { createValidatedPolicy } from '@cloud-copilot/iam-policy'
import { conditionKeyMatches, wildcardMatches } from '../../iam/lib/patterns.js'
import { arnAccount } from './world.js'

/** What any principal of another account may do for all we know: its own policies are not ours to read. */
const ANYTHING = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }

/**
 * @param gaps the catalog gaps (../iam/catalog-gaps.json): a call on a resource type the catalog does not list for
 *   its action is evaluated without the simulator's resource-type validation
 * @returns {Promise<{allowed: boolean, decision: string, problems: string[]}>}
 */
export async function simulate(resolved, world, gaps) {
  const principal = principalOf(resolved.principal, world)
  const resource = resourceOf(resolved, world, principal)
  const simulation = {
    request: {
      principal: principal.arn,
      action: resolved.action,
      resource: { resource: resolved.resource, accountId: resource.account },
      contextVariables: { ...defaultContext(principal, world, resolved), ...resolved.context }
    },
    identityPolicies: principal.identity,
    permissionBoundaryPolicies: principal.boundary ? [principal.boundary] : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: resource.policy,
    vpcEndpointPolicies: endpointPolicies(resolved, world)
  }
  const problems = [...principal.problems, ...resource.problems]
  if (isCatalogGap(resolved, gaps)) {
    return { ...unsafe(simulation, resource, 'a catalog gap'), problems }
  }
  const response = await runSimulation(simulation, {})
  if (response.resultType === 'error') {
    return { allowed: false, decision: 'not simulated', problems: [...problems, errorsOf(response.errors)] }
  }
  const result = response.resultType === 'single' ? response.result : response.results[0]
  const ignored = (result?.ignoredContextKeys ?? []).filter((key) => key in resolved.context)
  if (ignored.length > 0) {
    const templates = await allowedContextKeysForRequest(...resolved.action.split(':'), resolved.resource)
    const unknown = ignored.filter((key) => !templates.some((template) => conditionKeyMatches(template, key)))
    if (unknown.length > 0) {
      problems.push(`context ${unknown.join(', ')} does not apply to ${resolved.action} on this resource`)
      return { allowed: response.overallResult === 'Allowed', decision: response.overallResult, problems }
    }
    return { ...unsafe(simulation, resource, `${ignored.join(', ')}, a key the simulator drops`), problems }
  }
  return {
    allowed: response.overallResult === 'Allowed',
    decision: explain(response.overallResult, result?.analysis, names(resource, simulation)),
    problems
  }
}

/**
 * The simulator without its input normalization, for what it cannot take otherwise: a resource type the catalog
 * omits, or a context key with a colon-separated variable (kms:EncryptionContext:aws:s3:arn), which its
 * normalization drops. Endpoint policies are not applied there (the unsafe path takes none): such requests are made
 * by a service on the caller's behalf (S3 or SageMaker calling KMS), or come from a stage account, where the plan has
 * no endpoints (CreateModel on the registry's model package). Which policy decided is found by evaluating each one
 * with the others allowing everything.
 */
function unsafe(simulation, resource, why) {
  // The resource policy goes in named: the unsafe path reads its name and takes none from plain JSON.
  const named = (policy) => policy && createValidatedPolicy(policy, () => [], { name: resource.name ?? 'resource' })
  const run = (changes) => {
    const merged = { ...simulation, ...changes }
    return runUnsafeSimulation({ ...merged, resourcePolicy: named(merged.resourcePolicy) }, {})
  }
  const result = run({})
  const how = `evaluated without input validation for ${why}`
  if (result === 'Allowed') {
    return { allowed: true, decision: `Allowed (${how})` }
  }
  const anyIdentity = [{ name: 'anything', policy: ANYTHING }]
  const probes = [['identity policies', { permissionBoundaryPolicies: undefined, resourcePolicy: openTo(simulation) }]]
  if (simulation.permissionBoundaryPolicies) {
    probes.push(['permissions boundary', { identityPolicies: anyIdentity, resourcePolicy: openTo(simulation) }])
  }
  if (simulation.resourcePolicy) {
    probes.push([resource.name ?? 'resource policy', { identityPolicies: anyIdentity,
      permissionBoundaryPolicies: undefined }])
  }
  const deciding = probes.filter(([, changes]) => run(changes) !== 'Allowed').map(([name]) => name)
  return { allowed: false, decision: `${result} (${how}) by ${deciding.join('; ') || 'their combination'}` }
}

/** A resource policy that lets the request's principal do anything, to see the other policies decide alone. */
function openTo(simulation) {
  return simulation.resourcePolicy && {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]
  }
}

/** role:<logical name> (its session), service:<principal>, or foreign:<ARN of a principal of another account>. */
function principalOf(text, world) {
  const [kind, ...rest] = text.split(':')
  const value = rest.join(':')
  if (kind === 'role') {
    const role = world.roles.get(value)
    return {
      kind,
      arn: `arn:${world.partition}:sts::${role.account}:assumed-role/${role.name}/runtime`,
      roleArn: role.arn,
      account: role.account,
      identity: role.identity,
      boundary: role.boundary && { name: role.boundary.name, policy: role.boundary.policy },
      problems: role.boundaryArn && !role.boundary ? [`boundary ${role.boundaryArn} is not in the plan`] : []
    }
  }
  if (kind === 'service') {
    return { kind, arn: value, identity: [], problems: [] }
  }
  if (kind === 'foreign') {
    return { kind, arn: value, account: arnAccount(value), identity: [{ name: 'its own', policy: ANYTHING }],
      problems: [] }
  }
  throw new Error(`principal ${text}: expected role:, service: or foreign:`)
}

function resourceOf(resolved, world, principal) {
  if (resolved.resourceOwner === 'aws' || resolved.resource === '*') {
    return { account: principal.account ?? world.account, problems: [] }
  }
  const found = world.resourcePolicyOf(resolved.resource)
  const account = found?.account ?? arnAccount(resolved.resource) ?? principal.account ?? world.account
  const problems = found && !found.policy && resolved.resource.split(':')[2] === 'kms'
    ? [`no key policy for ${resolved.resource} in the plan`]
    : []
  return { account, policy: found?.policy, name: found?.name, problems }
}

/** What AWS puts in every request context that the call data need not repeat. */
function defaultContext(principal, world, resolved) {
  const context = { 'aws:SecureTransport': 'true', 'aws:RequestedRegion': world.region }
  if (resolved.action.startsWith('kms:')) {
    const key = world.keys.get(resolved.resource)
    if (key) {
      context['kms:ResourceAliases'] = key.aliases
    }
    if (principal.account) {
      context['kms:CallerAccount'] = principal.account
    }
  }
  if (principal.kind === 'role' || principal.kind === 'foreign') {
    Object.assign(context, {
      'aws:PrincipalArn': principal.roleArn ?? principal.arn,
      'aws:PrincipalAccount': principal.account,
      'aws:PrincipalType': 'AssumedRole'
    })
  } else {
    Object.assign(context, { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': principal.arn })
  }
  return context
}

function endpointPolicies(resolved, world) {
  if (!resolved.network) {
    return undefined
  }
  const [typeName, name] = resolved.network.split('.')
  const placed = world.find(typeName, name)
  if (!placed?.inputs?.vpcConfig) {
    return undefined
  }
  const policies = world.endpointsFor(resolved.action).filter((endpoint) => endpoint.policy)
    .map((endpoint) => ({ name: `endpoint policy of ${endpoint.name}`, policy: anyPrincipalAsStar(endpoint.policy) }))
  return policies.length > 0 ? policies : undefined
}

/**
 * The simulator accepts only Principal "*" in an endpoint policy; {"AWS": "*"} is the same principal
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous).
 */
function anyPrincipalAsStar(policy) {
  const statements = [policy.Statement].flat().map((statement) => statement.Principal?.AWS === '*'
    && Object.keys(statement.Principal).length === 1 ? { ...statement, Principal: '*' } : statement)
  return { ...policy, Statement: statements }
}

function isCatalogGap(resolved, gaps) {
  return gaps.some((gap) => gap.rule === 'resource-matches-no-type'
    && gap.action.toLowerCase() === resolved.action.toLowerCase()
    && wildcardMatches(gap.resource, resolved.resource))
}

function names(resource, simulation) {
  return {
    identity: (id) => `identity policy ${id ?? ''}`.trim(),
    pb: () => `permissions boundary ${simulation.permissionBoundaryPolicies?.[0]?.name ?? ''}`.trim(),
    resource: () => resource.name ?? 'resource policy',
    vpce: (id) => id ?? (simulation.vpcEndpointPolicies ?? []).map((policy) => policy.name).join(', ')
  }
}

/** Which policies decided, in words: the granting statements, or the denying ones (explicit) or policies (implicit). */
function explain(overall, analysis, name) {
  if (!analysis) {
    return overall
  }
  if (overall === 'Allowed') {
    const grants = getGrantReasons(analysis).map((grant) => `${describe(grant.policyType, grant.policyIdentifier,
      name)} ${statementOf(grant)}`)
    return `Allowed by ${grants.join('; ') || 'the request context'}`
  }
  const reasons = getDenialReasons(analysis)
  const blocking = reasons.filter((denial) => denial.blocking)
  const denials = (blocking.length > 0 ? blocking : reasons).map((denial) => denial.denialType === 'Explicit'
    ? `explicitly by ${describe(denial.policyType, denial.policyIdentifier, name)} ${statementOf(denial)}`
    : `implicitly: no statement of ${describe(denial.policyType, denial.identifier, name)} allows it`)
  return `${overall}: ${denials.join('; ')}`
}

function describe(type, identifier, name) {
  return (name[type] ?? ((id) => `${type} ${id ?? ''}`.trim()))(identifier)
}

function statementOf(reason) {
  return `statement ${reason.statementId ?? `#${reason.statementIndex}`}`
}

function errorsOf(errors) {
  return `the simulator refused the request: ${JSON.stringify(errors)}`
}
