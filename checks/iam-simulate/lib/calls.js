// The runtime calls of every role, as data (calls/*.json, format in README.md), made concrete for one world: their
// ${...} placeholders resolved against the plan. A call whose placeholders name something the world lacks (a role
// or resource that tier or source control does not create) does not apply to that world.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzerAccount } from './analyzer.js'

const EXPECTATIONS = ['allow', 'deny']
const FIELDS = ['principal', 'names', 'action', 'resource', 'context', 'expect', 'source', 'network', 'forEach',
  'deniedBy', 'resourceOwner', 'when', 'note']

export class Unresolved extends Error {
}

/** Every call of every file in the folder, each with the file and index it comes from. */
export function loadCalls(folder) {
  return readdirSync(folder).filter((file) => file.endsWith('.json')).sort().flatMap((file) => {
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8'))
    return data.calls.map((call, index) => validated({ principal: data.principal, names: data.names, ...call },
      `${file}#${index + 1}`))
  })
}

function validated(call, origin) {
  const problems = []
  for (const field of ['principal', 'action', 'resource', 'expect', 'source']) {
    if (typeof call[field] !== 'string' || call[field] === '') {
      problems.push(`${field} is required`)
    }
  }
  if (call.expect && !EXPECTATIONS.includes(call.expect)) {
    problems.push(`expect must be ${EXPECTATIONS.join(' or ')}`)
  }
  for (const field of Object.keys(call)) {
    if (!FIELDS.includes(field)) {
      problems.push(`unknown field ${field}`)
    }
  }
  if (problems.length > 0) {
    throw new Error(`calls/${origin}: ${problems.join('; ')}`)
  }
  return { ...call, origin }
}

/** The call once per binding its forEach asks for (each stage of the world), placeholders resolved. */
export function concreteCalls(call, world) {
  const bindings = call.forEach === 'stage'
    ? Object.keys(world.outputs.environments ?? {}).map((stage) => ({ stage }))
    : [{}]
  return bindings.map((binding) => {
    try {
      return { call, binding, resolved: resolveCall(call, world, binding) }
    } catch (error) {
      if (error instanceof Unresolved) {
        return { call, binding, unresolved: error.message }
      }
      throw error
    }
  })
}

function resolveCall(call, world, stage) {
  const binding = namesOf(call.names ?? {}, world, stage)
  const resolve = (value) => resolveTemplate(value, world, binding)
  if (call.when !== undefined && resolve(call.when) === '') {
    throw new Unresolved(`${call.when} is empty in this stack`)
  }
  const principal = resolve(call.principal)
  if (principal.startsWith('role:') && !world.roles.has(principal.slice('role:'.length))) {
    throw new Unresolved(`no role ${principal.slice('role:'.length)} in this stack`)
  }
  const context = Object.fromEntries(Object.entries(call.context ?? {}).map(([key, value]) =>
    [resolve(key), Array.isArray(value) ? value.map(resolve) : resolve(value)]))
  return {
    principal,
    action: resolve(call.action),
    resource: resolve(call.resource),
    context,
    network: call.network && resolve(call.network),
    resourceOwner: call.resourceOwner
  }
}

/**
 * The file's names for this world: each resolved when first used (a name the world cannot resolve fails only the
 * calls that use it), after the stage, and able to use the names before it.
 */
function namesOf(names, world, stage) {
  const binding = { stage: stage.stage }
  const resolved = new Map()
  return new Proxy(binding, {
    get(target, name, proxy) {
      if (name in target) {
        return target[name]
      }
      if (!(name in names)) {
        return undefined
      }
      if (!resolved.has(name)) {
        resolved.set(name, resolveTemplate(names[name], world, proxy))
      }
      return resolved.get(name)
    }
  })
}

/** A string with every ${path} (or ${path|filter...}) replaced by what the binding or the world holds there. */
export function resolveTemplate(template, world, binding = {}) {
  const bound = template.replace(/\$\{([A-Za-z]\w*)((?:\|[^}|]+)*)\}/g, (whole, name, filters) => {
    const value = binding[name]
    return value === undefined ? whole : filtered(String(value), filters, whole)
  })
  return bound.replace(/\$\{([^}]+)\}/g, (whole, expression) => {
    const [path, ...filters] = expression.split('|')
    return filtered(String(lookUp(path, world)), filters.map((filter) => `|${filter}`).join(''), whole)
  })
}

function filtered(value, filters, expression) {
  return filters.split('|').filter(Boolean).reduce((current, filter) => applyFilter(current, filter, expression), value)
}

/** |lower (SageMaker ARNs spell names in lower case) and |first:N (CodePipeline's artifact folder). */
function applyFilter(value, filter, expression) {
  const [name, argument] = filter.split(':')
  if (name === 'lower') {
    return value.toLowerCase()
  }
  if (name === 'first' && /^\d+$/.test(argument ?? '')) {
    return value.slice(0, Number(argument))
  }
  throw new Error(`${expression}: unknown filter ${filter}`)
}

function lookUp(path, world) {
  const [root, ...rest] = path.split('.')
  const scalars = { partition: world.partition, region: world.region, account: world.account,
    product: world.outputs.productName }
  if (root in scalars && rest.length === 0) {
    return required(scalars[root], path)
  }
  if (root === 'analyzerAccount' && rest.length === 0) {
    return required(analyzerAccount(world.region), path)
  }
  switch (root) {
    case 'outputs':
      return required(dig(world.outputs, rest), path)
    case 'role':
    case 'roleName':
    case 'roleAccount': {
      const role = world.roles.get(rest.join('.'))
      return required(role && { role: role.arn, roleName: role.name, roleAccount: role.account }[root], path)
    }
    case 'bucket': {
      const bucket = world.find('BucketV2', rest.join('.'))
      return required(bucket && `arn:${world.partition}:s3:::${bucket.inputs.bucket}`, path)
    }
    case 'key':
      return required(world.keyArn(rest.join('.')), path)
    default: {
      const resource = world.find(root, rest[0] ?? '')
      return required(resource && dig(resource.inputs, rest.slice(1)), path)
    }
  }
}

/**
 * Keys and indexes, and in a list of named entries (environment variables, stages, actions) the entry's name. A
 * policy document (an input holding JSON) is read as its JSON; its statements are named by their Sid, and a policy
 * element written as one string is a list of that one value, as IAM reads it.
 */
function dig(value, path) {
  return path.reduce((current, segment) => {
    if (current === undefined || current === null) {
      return undefined
    }
    if (typeof current === 'string' && current.startsWith('{')) {
      current = JSON.parse(current)
    }
    const index = /^\d+$/.test(segment)
    if (typeof current === 'string' && index) {
      current = [current]
    }
    if (Array.isArray(current) && !index) {
      return current.find((entry) => entry?.name === segment || entry?.Sid === segment)
    }
    return current[segment]
  }, value)
}

function required(value, path) {
  if (value === undefined || value === null || typeof value === 'object') {
    throw new Unresolved(`\${${path}} is not in this stack`)
  }
  return value
}
