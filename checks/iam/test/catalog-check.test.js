// Each rule of the catalog check, proven by a document with one planted mistake (and the same document without it).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { Catalog } from '../lib/catalog.js'
import { applyAllowlist, checkDocuments } from '../lib/catalog-check.js'
import { policyDocuments } from '../lib/documents.js'

const catalog = new Catalog()
const ACCOUNT = '111122223333'
const BUCKET = 'arn:aws:s3:::example-models'

/** A plan of one stack whose one role policy holds the given statements. */
function planWith(...statements) {
  return {
    stacks: [{
      stack: 'test',
      resources: [{
        urn: 'urn:pulumi:test::p::aws:iam/rolePolicy:RolePolicy::build',
        type: 'aws:iam/rolePolicy:RolePolicy',
        name: 'build',
        inputs: { role: 'build', policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }
      }]
    }]
  }
}

async function findings(...statements) {
  return (await checkDocuments(policyDocuments(planWith(...statements)), catalog)).findings
}

async function rulesOf(...statements) {
  return (await findings(...statements)).map((finding) => finding.rule)
}

const readObjects = { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BUCKET}/models/*` }

test('a statement that fits the catalog passes', async () => {
  assert.deepEqual(await rulesOf(readObjects, {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: `arn:aws:iam::${ACCOUNT}:role/example`,
    Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } }
  }), [])
})

test('an unknown action fails', async () => {
  assert.deepEqual(await rulesOf({ ...readObjects, Action: ['s3:GetObject', 's3:GetObjekt'] }), ['unknown-action'])
})

test('an unknown service prefix fails', async () => {
  assert.deepEqual(await rulesOf({ ...readObjects, Action: 's4:GetObject' }), ['unknown-service'])
})

test('wildcard actions are expanded against the catalog; a pattern matching nothing fails', async () => {
  const describe = { Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }
  assert.deepEqual(await rulesOf(describe), [])
  assert.deepEqual(await rulesOf({ ...describe, Action: 'sagemaker:Descrbe*' }), ['unknown-action'])
  const { figures } = await checkDocuments(policyDocuments(planWith(describe)), catalog)
  assert.ok(figures.expandedActions > 50, `sagemaker:Describe* expands to ${figures.expandedActions} actions`)
})

test('an unknown condition key fails', async () => {
  assert.deepEqual(await rulesOf({ ...readObjects, Condition: { StringEquals: { 's3:prefixx': 'models/' } } }),
    ['unknown-condition-key'])
})

test('an operator that does not fit the key type fails', async () => {
  const assume = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/deploy` }
  assert.deepEqual(await rulesOf({ ...assume, Condition: { NumericEquals: { 'aws:SourceArn': '1' } } }),
    ['operator-type-mismatch'])
  assert.deepEqual(await rulesOf({ ...assume, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
    ['operator-type-mismatch'])
  const keyUse = { Effect: 'Deny', Action: 'kms:DisableKey', Resource: `arn:aws:kms:us-west-2:${ACCOUNT}:key/*` }
  assert.deepEqual(await rulesOf({ ...keyUse, Condition: { StringEquals: { 'kms:ResourceAliases': 'alias/a' } } }),
    ['operator-type-mismatch'], 'a multivalued key needs a set qualifier')
  assert.deepEqual(await rulesOf({
    ...keyUse,
    Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/a' } }
  }), [])
})

test('a condition key none of the actions carry makes a dead statement', async () => {
  assert.deepEqual(await rulesOf({ ...readObjects, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }),
    ['condition-key-not-carried'])
})

test('a condition key some actions never carry cuts those actions out of the statement', async () => {
  const result = await findings({
    Effect: 'Allow',
    Action: ['ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterfacePermission'],
    Resource: `arn:aws:ec2:us-west-2:${ACCOUNT}:network-interface/*`,
    Condition: { StringEquals: { 'ec2:AuthorizedService': 'codebuild.amazonaws.com' } }
  })
  assert.deepEqual(result.map((finding) => [finding.rule, finding.action]),
    [['condition-key-not-carried', 'ec2:DeleteNetworkInterfacePermission']])
})

test('a resource that is no resource type of the action grants nothing', async () => {
  const result = await findings({ Effect: 'Allow', Action: 's3:GetObject', Resource: BUCKET })
  assert.deepEqual(result.map((finding) => finding.rule), ['resource-matches-no-type'])
  assert.match(result[0].message, /object/)
  assert.deepEqual(await rulesOf({ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }), [])
})

test('a resource no action of a multi-action statement can use is reported on its own', async () => {
  const result = await findings({
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [BUCKET, `${BUCKET}/*`, `arn:aws:sagemaker:us-west-2:${ACCOUNT}:model/x`]
  })
  assert.deepEqual(result.map((finding) => [finding.rule, finding.resource]),
    [['resource-matches-no-type', `arn:aws:sagemaker:us-west-2:${ACCOUNT}:model/x`]])
})

test('a wildcard in place of the resource type fails', async () => {
  const build = { Effect: 'Allow', Action: 'codebuild:StartBuild' }
  assert.deepEqual(await rulesOf({ ...build, Resource: `arn:aws:codebuild:us-west-2:${ACCOUNT}:*/product-*` }),
    ['wildcard-in-resource-type'])
  assert.deepEqual(await rulesOf({ ...build, Resource: `arn:aws:codebuild:us-west-2:${ACCOUNT}:project/product-*` }), [])
  assert.deepEqual(await rulesOf({ ...build, Resource: 'arn:aws:codebuild:us-west-2:*:*' }), [])
})

test('a specific ARN on an action that accepts only * fails', async () => {
  assert.deepEqual(await rulesOf({
    Effect: 'Allow',
    Action: 'ecr:GetAuthorizationToken',
    Resource: `arn:aws:ecr:us-west-2:${ACCOUNT}:repository/images`
  }), ['wildcard-only-action-scoped'])
})

test('the allowlist accepts a documented gap and reports an entry that matches nothing', async () => {
  const createFromPackage = {
    Effect: 'Allow',
    Action: 'sagemaker:CreateModel',
    Resource: `arn:aws:sagemaker:us-west-2:${ACCOUNT}:model-package/models/*`
  }
  const gap = {
    rule: 'resource-matches-no-type',
    action: 'sagemaker:CreateModel',
    resource: 'arn:*:sagemaker:*:*:model-package/*',
    reason: 'documented',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-deploy-xaccount.html'
  }
  const { left, accepted } = applyAllowlist(await findings(createFromPackage), [gap])
  assert.deepEqual([left.length, accepted.length], [0, 1])
  const stale = applyAllowlist(await findings(readObjects), [gap]).left
  assert.deepEqual(stale.map((finding) => finding.rule), ['stale-allowlist-entry'])
})

test('documents are found wherever a resource carries them, nested ones included, and told apart', () => {
  const template = {
    Resources: {
      Topic: { Type: 'AWS::SNS::TopicPolicy', Properties: { PolicyDocument: { Statement: [{ Principal: '*' }] } } }
    }
  }
  const plan = {
    stacks: [{
      stack: 'test',
      resources: [
        {
          type: 'aws:iam/role:Role',
          name: 'role',
          inputs: {
            name: 'role',
            permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
            assumeRolePolicy: JSON.stringify({ Statement: [{ Principal: { Service: 'x' } }] })
          }
        },
        {
          type: 'aws:iam/policy:Policy',
          name: 'boundary',
          inputs: { name: 'boundary', policy: JSON.stringify({ Statement: [] }) }
        },
        { type: 'aws:cloudformation/stack:Stack', name: 'cfn', inputs: { templateBody: JSON.stringify(template) } }
      ]
    }]
  }
  assert.deepEqual(policyDocuments(plan).map((document) => [document.resource.name, document.path, document.kind]), [
    ['role', 'assumeRolePolicy', 'trust'],
    ['boundary', 'policy', 'boundary'],
    ['cfn', 'templateBody.Resources.Topic.Properties.PolicyDocument', 'resource']
  ])
})

test('the command fails on a planted mistake and names where it is', () => {
  const here = dirname(fileURLToPath(import.meta.url))
  const folder = mkdtempSync(join(tmpdir(), 'iam-catalog-'))
  const file = join(folder, 'plan.json')
  writeFileSync(join(folder, 'allowlist.json'), '[]')
  writeFileSync(file, JSON.stringify(planWith({ ...readObjects, Action: 's3:GetObjekt' })))
  const run = () => execFileSync(process.execPath, [join(here, '..', 'check-catalog.js'), file,
    join(folder, 'allowlist.json')], { encoding: 'utf8' })
  assert.throws(run, (error) => error.status === 1
    && /\[unknown-action\] test: build \(aws:iam\/rolePolicy:RolePolicy\) policy statement #1/.test(error.stdout))
  writeFileSync(file, JSON.stringify(planWith(readObjects)))
  assert.match(run(), /0 findings/)
})
