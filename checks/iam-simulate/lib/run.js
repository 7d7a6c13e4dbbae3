// Every call of the data against every world of the plan: the outcome of each, and what the data fails to cover.
import { concreteCalls } from './calls.js'
import { simulate } from './simulation.js'
import { worldsOf } from './world.js'

/**
 * @returns {Promise<{results: object[], problems: string[], figures: object}>} results of the simulated calls;
 *   problems: data errors, calls that apply to no stack, roles without a call
 */
export async function runCalls(plan, calls, gaps) {
  const worlds = worldsOf(plan)
  const results = []
  const problems = []
  const applied = new Set()
  for (const world of worlds) {
    const covered = new Set()
    for (const call of calls) {
      for (const concrete of concreteCalls(call, world)) {
        if (concrete.unresolved) {
          continue
        }
        applied.add(call)
        const outcome = await simulate(concrete.resolved, world, gaps)
        if (concrete.resolved.principal.startsWith('role:') && call.expect === 'allow') {
          covered.add(concrete.resolved.principal.slice('role:'.length))
        }
        results.push({ stack: world.stack, call, binding: concrete.binding, resolved: concrete.resolved, ...outcome })
      }
    }
    for (const role of world.roles.keys()) {
      if (!covered.has(role)) {
        problems.push(`${world.stack}: role ${role} has no runtime call that must be allowed (add them under calls/)`)
      }
    }
  }
  for (const call of calls) {
    if (!applied.has(call)) {
      problems.push(`calls/${call.origin}: applies to no stack of the plan (${firstUnresolved(call, worlds)})`)
    }
  }
  for (const result of results) {
    result.problems.forEach((problem) => problems.push(`${label(result)}: ${problem}`))
  }
  return { results, problems, figures: figures(results, calls, worlds) }
}

function firstUnresolved(call, worlds) {
  return worlds.flatMap((world) => concreteCalls(call, world)).map((concrete) => concrete.unresolved)[0]
    ?? 'the plan has no tooling stack'
}

function figures(results, calls, worlds) {
  const count = (predicate) => results.filter(predicate).length
  return {
    stacks: worlds.length,
    definitions: calls.length,
    simulated: results.length,
    allowed: count((result) => result.call.expect === 'allow' && result.allowed),
    deniedAsIntended: count((result) => result.call.expect === 'deny' && asExpected(result)),
    deniedByMistake: count((result) => result.call.expect === 'allow' && !result.allowed),
    allowedByMistake: count((result) => result.call.expect === 'deny' && result.allowed),
    deniedByAnotherPolicy: count((result) => result.call.expect === 'deny' && !result.allowed && !asExpected(result))
  }
}

/** Whether the outcome is the one the data expects. */
export function asExpected(result) {
  return (result.call.expect === 'allow') === result.allowed
    && (result.allowed || !result.call.deniedBy || result.decision.includes(result.call.deniedBy))
}

export function label(result) {
  const stage = result.binding.stage ? ` [${result.binding.stage}]` : ''
  return `${result.stack}: calls/${result.call.origin}${stage}`
}

/** A failing call: where it is defined and comes from, the request, what was expected and which policy decided. */
export function formatFailure(result) {
  const { principal, action, resource } = result.resolved
  const expected = result.call.expect === 'allow'
    ? 'must be allowed'
    : `must be denied${result.call.deniedBy ? ` by the ${result.call.deniedBy}` : ''}`
  return [
    `${label(result)} ${expected}: ${principal} ${action} on ${resource}`,
    `  source: ${result.call.source}`,
    `  ${result.decision}`
  ].join('\n')
}
