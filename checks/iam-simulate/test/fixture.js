// A small plan in the shape ./mlops plan --json writes: one tooling stack with a build role (trust, permissions,
// boundary), a bucket with its policy, a key with its alias and policy, a project in a VPC and an S3 endpoint.
export const ACCOUNT = '111122223333'
export const OTHER = '999988887777'
export const BUCKET = 'product-models'
export const KEY_ID = '0a1b2c3d-0000-4000-8000-000000000001'
export const KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/${KEY_ID}`
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/product-build`
export const PROJECT_ARN = `arn:aws:codebuild:us-west-2:${ACCOUNT}:project/product-build`

const document = (...statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements })

export const TRUST = {
  Effect: 'Allow',
  Principal: { Service: 'codebuild.amazonaws.com' },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } }
}
export const PERMISSIONS = [
  { Sid: 'WriteModels', Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/models/*` },
  { Sid: 'UseKey', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: KEY_ARN }
]
export const BOUNDARY = [{ Effect: 'Allow', Action: ['s3:*', 'kms:*'], Resource: '*' }]
export const BUCKET_POLICY = [{
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } }
}]
export const KEY_POLICY = [{
  Sid: 'UseThroughS3',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } }
}, {
  Sid: 'LogsForTheBuildLogGroup',
  Effect: 'Allow',
  Principal: { Service: 'logs.us-west-2.amazonaws.com' },
  Action: 'kms:GenerateDataKey',
  Resource: '*',
  Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:build` } }
}]
export const ENDPOINT_POLICY = [{
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: 's3:PutObject',
  Resource: `arn:aws:s3:::${BUCKET}/*`
}]

/** The plan, with any of its documents replaced. */
export function plan(overrides = {}) {
  const doc = (name, fallback) => document(...(overrides[name] ?? fallback))
  const urn = (type, name) => `urn:pulumi:dev::p::${type}::${name}`
  const resource = (type, name, inputs, extra = {}) => ({ urn: urn(type, name), type, name, inputs, ...extra })
  return {
    stacks: [{
      stack: 'dev',
      outputs: { toolingAccountId: ACCOUNT, partition: 'aws', region: 'us-west-2', productName: 'product' },
      resources: [
        resource('aws:iam/role:Role', 'build', {
          name: 'product-build',
          assumeRolePolicy: doc('trust', [TRUST]),
          permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/product-boundary`
        }),
        resource('aws:iam/rolePolicy:RolePolicy', 'build', {
          role: 'product-build',
          name: 'permissions',
          policy: doc('permissions', PERMISSIONS)
        }),
        resource('aws:iam/policy:Policy', 'boundary', { name: 'product-boundary', policy: doc('boundary', BOUNDARY) }),
        resource('aws:s3/bucketV2:BucketV2', 'models', { bucket: BUCKET }),
        resource('aws:s3/bucketPolicy:BucketPolicy', 'models', { bucket: BUCKET, policy: doc('bucket', BUCKET_POLICY) }),
        resource('aws:kms/key:Key', 'key', { policy: doc('key', KEY_POLICY) }),
        resource('aws:kms/alias:Alias', 'key', { name: 'alias/product-key', targetKeyId: KEY_ID },
          { dependencies: [urn('aws:kms/key:Key', 'key')] }),
        resource('aws:codebuild/project:Project', 'build', {
          name: 'product-build',
          vpcConfig: { vpcId: 'vpc-0a1b2c3d4e5f60001', subnets: ['subnet-0a1b2c3d4e5f60011'] }
        }),
        resource('aws:ec2/vpcEndpoint:VpcEndpoint', 's3', {
          serviceName: 'com.amazonaws.us-west-2.s3',
          policy: doc('endpoint', ENDPOINT_POLICY)
        })
      ]
    }]
  }
}

/** One call of the build role, as a call file states it, with its origin. */
export function call(fields) {
  return { principal: 'role:build', expect: 'allow', source: 'a test', origin: 'test.json#1', ...fields }
}
