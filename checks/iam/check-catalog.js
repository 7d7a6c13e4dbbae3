#!/usr/bin/env node
// Checks every IAM policy document of a plan JSON (./mlops plan --json) against AWS's Service Authorization
// Reference. Usage: node check-catalog.js [PLAN_JSON [ALLOWLIST_JSON]] (defaults: target/plans/shipped.json of the
// repository, catalog-gaps.json beside this file). Exit 0: no finding outside the allowlist and no allowlist entry
// left unused; 1: findings; 2: bad usage.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Catalog } from './lib/catalog.js'
import { applyAllowlist, checkDocuments, formatFinding } from './lib/catalog-check.js'
import { planOfCommandLine, policyDocuments } from './lib/documents.js'

const here = dirname(fileURLToPath(import.meta.url))
const plan = planOfCommandLine('check-catalog', process.argv[2])
const allowlist = JSON.parse(readFileSync(process.argv[3] ?? join(here, 'catalog-gaps.json'), 'utf8'))
const { findings, figures } = await checkDocuments(policyDocuments(plan), new Catalog())
const { left, accepted } = applyAllowlist(findings, allowlist)
left.forEach((finding) => console.log(formatFinding(finding)))
console.log(`check-catalog: ${plan.stacks.length} stacks, ${figures.documents} documents, ${figures.statements}`
  + ` statements, ${figures.actions} distinct actions (${figures.expandedActions} after expanding wildcards);`
  + ` ${left.length} findings, ${accepted.length} accepted by the allowlist`)
process.exit(left.length > 0 ? 1 : 0)
