// The simulation check against planted mistakes: each changes one policy of a small plan (or one call) and must turn
// a call's outcome, and say which policy decided.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadCalls } from '../lib/calls.js'
import { asExpected, formatFailure, runCalls } from '../lib/run.js'
import {
  ACCOUNT,
  BOUNDARY,
  BUCKET,
  call,
  ENDPOINT_POLICY,
  KEY_ARN,
  KEY_POLICY,
  OTHER,
  PERMISSIONS,
  plan,
  PROJECT_ARN,
  ROLE_ARN,
  TRUST
} from './fixture.js'

const here = dirname(fileURLToPath(import.meta.url))
const gaps = JSON.parse(readFileSync(join(here, '..', '..', 'iam', 'catalog-gaps.json'), 'utf8'))
const MODEL = `arn:aws:s3:::${BUCKET}/models/model.tar.gz`
const WRITE = call({ action: 's3:PutObject', resource: MODEL })
const DATA_KEY = call({
  action: 'kms:GenerateDataKey',
  resource: KEY_ARN,
  context: { 'kms:ViaService': 's3.us-west-2.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${BUCKET}` }
})

async function outcome(overrides, ...calls) {
  const { results, problems } = await runCalls(plan(overrides), calls, gaps)
  return { results, problems, result: results[0] }
}

test('the calls the policies allow are allowed, with the statements that allowed them', async () => {
  const { results, problems } = await outcome({}, WRITE, DATA_KEY)
  assert.deepEqual(problems, [])
  assert.deepEqual(results.map((result) => result.allowed), [true, true])
  assert.match(results[0].decision, /identity policy permissions \(build\) statement WriteModels/)
})

test('a boundary that cuts a needed call denies it and names the boundary', async () => {
  const { result } = await outcome({ boundary: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }, WRITE)
  assert.equal(result.allowed, false)
  assert.equal(asExpected(result), false)
  assert.match(formatFailure(result), /must be allowed: role:build s3:PutObject/)
  assert.match(result.decision, /permissions boundary product-boundary/)
})

test('an identity policy without the statement denies the call', async () => {
  const { result } = await outcome({ permissions: PERMISSIONS.slice(1) }, WRITE)
  assert.equal(result.allowed, false)
  assert.match(result.decision, /no statement of identity policy/)
})

test('a bucket policy deny decides, and says so', async () => {
  const deny = { Sid: 'NoModels', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` }
  const { result } = await outcome({ bucket: [deny] }, WRITE)
  assert.equal(result.allowed, false)
  assert.match(result.decision, /explicitly by bucket policy of models statement NoModels/)
})

test('a trust without a source condition admits a service acting for another account', async () => {
  const assume = call({
    principal: 'service:codebuild.amazonaws.com',
    action: 'sts:AssumeRole',
    resource: ROLE_ARN,
    context: { 'aws:SourceAccount': OTHER, 'aws:SourceArn': PROJECT_ARN.replace(ACCOUNT, OTHER) },
    expect: 'deny',
    deniedBy: 'trust'
  })
  assert.equal((await outcome({}, assume)).result.allowed, false)
  const { result } = await outcome({ trust: [{ ...TRUST, Condition: undefined }] }, assume)
  assert.equal(result.allowed, true)
  assert.equal(asExpected(result), false)
})

test('a denial by another policy than the one the data names does not count as intended', async () => {
  const assume = call({
    principal: 'service:codebuild.amazonaws.com',
    action: 'sts:AssumeRole',
    resource: ROLE_ARN,
    context: { 'aws:SourceAccount': OTHER },
    expect: 'deny',
    deniedBy: 'bucket policy'
  })
  const { result } = await outcome({}, assume)
  assert.equal(result.allowed, false)
  assert.equal(asExpected(result), false)
})

test('a key policy is required: an identity grant alone does not use the key', async () => {
  const { result } = await outcome({ key: [KEY_POLICY[1]] }, DATA_KEY)
  assert.equal(result.allowed, false)
  assert.match(result.decision, /key policy of key/)
})

test('encryption-context conditions are evaluated, not dropped', async () => {
  const logs = (logGroup) => call({
    principal: 'service:logs.us-west-2.amazonaws.com',
    action: 'kms:GenerateDataKey',
    resource: KEY_ARN,
    context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:${logGroup}` }
  })
  const { results, problems } = await outcome({}, WRITE, logs('build'), logs('other'))
  assert.deepEqual(problems, [])
  results.shift()
  assert.deepEqual(results.map((result) => result.allowed), [true, false])
  assert.match(results[1].decision, /by key policy of key/)
})

test('a request from the project VPC meets its endpoint policy', async () => {
  const fromVpc = { ...WRITE, network: 'Project.build' }
  assert.equal((await outcome({}, fromVpc)).result.allowed, true)
  const readOnly = [{ ...ENDPOINT_POLICY[0], Action: 's3:GetObject' }]
  const { result } = await outcome({ endpoint: readOnly }, fromVpc)
  assert.equal(result.allowed, false)
  assert.match(result.decision, /endpoint policy of s3/)
  assert.equal((await outcome({ endpoint: readOnly }, WRITE)).result.allowed, true, 'outside the VPC it does not apply')
})

test('a principal of another account needs the resource policy: its own policies cannot open our bucket', async () => {
  const foreign = call({ principal: `foreign:arn:aws:iam::${OTHER}:role/intruder`, action: 's3:PutObject',
    resource: MODEL, expect: 'deny' })
  const { result } = await outcome({}, foreign)
  assert.equal(result.allowed, false)
  const open = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${BUCKET}/*` }
  assert.equal((await outcome({ bucket: [open] }, foreign)).result.allowed, true)
})

test('calls that do not fit the data are problems: no call for a role, a context key the action lacks', async () => {
  const { problems } = await outcome({}, call({ principal: 'service:s3.amazonaws.com', action: 's3:PutObject',
    resource: MODEL, context: { 'sts:ExternalId': 'x' }, expect: 'deny' }))
  assert.ok(problems.some((problem) => /role build has no runtime call that must be allowed/.test(problem)), problems)
  assert.ok(problems.some((problem) => /context sts:ExternalId does not apply/.test(problem)), problems)
})

test('a call whose placeholders name nothing in any stack is reported, and placeholders resolve from the plan', async () => {
  const { results, problems } = await outcome({},
    WRITE,
    call({ action: 's3:PutObject', resource: '${bucket.models}/models/${Project.build.name}.tar.gz' }),
    call({ action: 's3:PutObject', resource: '${bucket.absent}/x' }))
  assert.equal(results[1].resolved.resource, `arn:aws:s3:::${BUCKET}/models/product-build.tar.gz`)
  assert.ok(problems.some((problem) => /applies to no stack of the plan \(\$\{bucket\.absent\} is not in this stack\)/
    .test(problem)), problems)
})

test('the analyzer account is the one AWS publishes the image from in the stack\'s region', async () => {
  const resource = 'arn:aws:ecr:${region}:${analyzerAccount}:repository/sagemaker-model-monitor-analyzer'
  const { results } = await outcome({}, call({ action: 'ecr:BatchGetImage', resource, resourceOwner: 'aws' }))
  assert.equal(results[0].resolved.resource,
    'arn:aws:ecr:us-west-2:159807026194:repository/sagemaker-model-monitor-analyzer')
  const elsewhere = plan()
  elsewhere.stacks[0].outputs.region = 'mars-north-1'
  const { problems } = await runCalls(elsewhere, [call({ action: 'ecr:BatchGetImage', resource, resourceOwner: 'aws' })],
    gaps)
  assert.ok(problems.some((problem) => /\$\{analyzerAccount\} is not in this stack/.test(problem)), problems)
})

test('call files are checked for their fields', () => {
  const folder = mkdtempSync(join(tmpdir(), 'iam-calls-'))
  writeFileSync(join(folder, 'bad.json'), JSON.stringify({ principal: 'role:build', calls: [{ action: 's3:PutObject',
    resource: MODEL, expect: 'maybe', source: 'x', colour: 'red' }] }))
  assert.throws(() => loadCalls(folder), /calls\/bad.json#1: expect must be allow or deny; unknown field colour/)
})

test('the command fails on a planted mistake in the shipped calls and prints which policy decided', () => {
  const folder = mkdtempSync(join(tmpdir(), 'iam-simulate-'))
  const file = join(folder, 'plan.json')
  writeFileSync(file, JSON.stringify(plan({ boundary: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] })))
  mkdirSync(join(folder, 'calls'))
  writeFileSync(join(folder, 'calls', 'build.json'), JSON.stringify({ principal: 'role:build', calls: [
    { action: 's3:PutObject', resource: MODEL, expect: 'allow', source: 'upload of the model' }] }))
  const run = () => execFileSync(process.execPath, [join(here, '..', 'simulate.js'), file, join(folder, 'calls')],
    { encoding: 'utf8' })
  assert.throws(run, (error) => error.status === 1
    && /calls\/build.json#1 must be allowed: role:build s3:PutObject/.test(error.stdout)
    && /source: upload of the model/.test(error.stdout)
    && /permissions boundary product-boundary/.test(error.stdout)
    && /0 allowed, 0 denied as intended, 1 denied by mistake/.test(error.stdout))
  writeFileSync(file, JSON.stringify(plan({ boundary: BOUNDARY })))
  assert.match(run(), /1 allowed, 0 denied as intended, 0 denied by mistake/)
})
