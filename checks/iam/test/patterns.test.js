// ARN patterns against the catalog's ARN formats, and condition keys against the catalog's key templates.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { conditionKeyMatches, resourceMatchesFormat, wildcardMatches } from '../lib/patterns.js'

const LOG_STREAM = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}'
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'
const ENDPOINT = 'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}'

test('wildcards in a policy resource may stand for any part of the format', () => {
  assert.ok(resourceMatchesFormat('arn:aws:logs:us-west-2:111122223333:log-group:/aws/codebuild/x:*', LOG_STREAM))
  assert.ok(resourceMatchesFormat('arn:aws:s3:::models/*', OBJECT))
  assert.ok(resourceMatchesFormat('arn:aws:sagemaker:us-west-2:*:*', ENDPOINT))
  assert.ok(resourceMatchesFormat('*', ENDPOINT))
})

test('literal parts must agree, and header variables never span a colon', () => {
  assert.equal(resourceMatchesFormat('arn:aws:s3:::models', OBJECT), false)
  assert.equal(resourceMatchesFormat('arn:aws:sagemaker:us-west-2:111122223333:model/x', ENDPOINT), false)
  assert.equal(resourceMatchesFormat('arn:aws:sagemaker:us-west-2:1:2:endpoint/x', ENDPOINT), false)
  assert.equal(resourceMatchesFormat('arn:aws:logs:us-west-2:111122223333:log-group:/x', LOG_STREAM), false)
})

test('action patterns and condition key templates', () => {
  assert.ok(wildcardMatches('Describe*', 'DescribeModel'))
  assert.ok(wildcardMatches('describe?odel', 'DescribeModel'))
  assert.equal(wildcardMatches('Describe*', 'ListModels'), false)
  assert.ok(conditionKeyMatches('kms:EncryptionContext:${EncryptionContextKey}', 'kms:EncryptionContext:aws:logs:arn'))
  assert.ok(conditionKeyMatches('s3:RequestObjectTag/<key>', 's3:RequestObjectTag/owner'))
  assert.equal(conditionKeyMatches('kms:ViaService', 'kms:ViaServices'), false)
})
