#!/usr/bin/env node
// Simulates every role's runtime calls (calls/*.json) against the policies of a plan JSON (./mlops plan --json) with
// @cloud-copilot/iam-simulate. Usage: node simulate.js [PLAN_JSON [CALLS_FOLDER]] (defaults: target/plans/shipped.json
// of the repository, calls/ beside this file). Exit 0: every call as expected and the data complete; 1: otherwise;
// 2: bad usage.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { planOfCommandLine } from '../iam/lib/documents.js'
import { loadCalls } from './lib/calls.js'
import { asExpected, formatFailure, runCalls } from './lib/run.js'

const here = dirname(fileURLToPath(import.meta.url))
const plan = planOfCommandLine('simulate', process.argv[2])
const gaps = JSON.parse(readFileSync(join(here, '..', 'iam', 'catalog-gaps.json'), 'utf8'))
const { results, problems, figures } = await runCalls(plan, loadCalls(process.argv[3] ?? join(here, 'calls')), gaps)
const failures = results.filter((result) => !asExpected(result))
failures.forEach((result) => console.log(formatFailure(result)))
problems.forEach((problem) => console.log(`[data] ${problem}`))
console.log(`simulate: ${figures.stacks} tooling stacks, ${figures.definitions} call definitions, ${figures.simulated}`
  + ` calls simulated: ${figures.allowed} allowed, ${figures.deniedAsIntended} denied as intended,`
  + ` ${figures.deniedByMistake} denied by mistake, ${figures.allowedByMistake} allowed by mistake,`
  + ` ${figures.deniedByAnotherPolicy} denied by another policy than intended; ${problems.length} data problems`)
process.exit(failures.length > 0 || problems.length > 0 ? 1 : 0)
