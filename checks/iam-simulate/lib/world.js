// What AWS would hold once a tooling stack and the hosting stacks that reference it are deployed, read from the plan:
// accounts, roles with their identity policies, permissions boundary and trust, the resource policies of buckets,
// keys, topics and the model registry, and the VPC endpoints with their policies.
import { policyDocuments } from '../../iam/lib/documents.js'

const ROLE = 'aws:iam/role:Role'
const PROVIDER = 'pulumi:providers:aws'
const STACK_REFERENCE = 'pulumi:pulumi:StackReference'

/** One world per tooling stack of the plan (a stack with a toolingAccountId output), with its hosting stacks. */
export function worldsOf(plan) {
  const tooling = plan.stacks.filter((stack) => stack.outputs?.toolingAccountId)
  return tooling.map((stack) => new World(stack, plan.stacks.filter((other) => referencesTooling(other, stack))))
}

function referencesTooling(stack, tooling) {
  return stack.resources.some((resource) => resource.type === STACK_REFERENCE
    && String(resource.inputs?.name ?? '').split('/').pop() === tooling.stack)
}

export class World {
  constructor(tooling, hosting) {
    this.stack = tooling.stack
    this.tooling = tooling
    this.hosting = hosting
    this.outputs = tooling.outputs
    this.partition = tooling.outputs.partition ?? 'aws'
    this.region = tooling.outputs.region
    this.account = tooling.outputs.toolingAccountId
    this.stacks = [tooling, ...hosting]
    this.resources = this.stacks.flatMap((stack) => stack.resources.map((resource) => ({ ...resource, stack })))
    this.documents = policyDocuments({ stacks: this.stacks })
    this.roles = new Map(this.#ofType(ROLE).map((resource) => [resource.name, this.#role(resource)]))
    this.bucketPolicies = this.#bucketPolicies()
    this.keys = this.#keys()
    this.endpoints = this.#ofType('aws:ec2/vpcEndpoint:VpcEndpoint').map((resource) => ({
      name: resource.name,
      serviceName: resource.inputs.serviceName,
      policy: this.#documentsOf(resource)[0]?.document
    }))
  }

  /** The account a resource is created in: its provider's, or the tooling account for the default provider. */
  accountOf(resource) {
    const provider = resource.provider && this.resources.find((candidate) => candidate.type === PROVIDER
      && resource.provider.endsWith(`::${candidate.name}`) && candidate.stack === resource.stack)
    if (!provider) {
      return this.account
    }
    const allowed = JSON.parse(provider.inputs.allowedAccountIds ?? '[]')
    return allowed[0] ?? arnAccount(JSON.parse(provider.inputs.assumeRole ?? '{}').roleArn ?? '') ?? this.account
  }

  /** The resource of that type short name (the token's last part, e.g. Project) and logical name. */
  find(typeName, name) {
    return this.resources.find((resource) => resource.name === name && resource.type.split(':').pop() === typeName)
  }

  /** The resource policy a request on this ARN meets, with the account that owns the resource. */
  resourcePolicyOf(arn) {
    const [, , service, , account, rest = ''] = arn.split(':')
    if (service === 's3') {
      const bucket = rest.split('/')[0]
      return this.bucketPolicies.get(bucket)
    }
    if (service === 'kms') {
      return this.keys.get(arn)
    }
    if (service === 'iam' && rest.startsWith('role/')) {
      const role = [...this.roles.values()].find((candidate) => candidate.arn === arn)
      return role && { name: `trust of ${role.logicalName}`, policy: role.trust, account: role.account }
    }
    if (service === 'sns') {
      const topic = this.documents.find((entry) => entry.kind === 'topic' && entry.resource.inputs.arn === arn)
      return topic && { name: `topic policy ${topic.resource.name}`, policy: topic.document, account }
    }
    if (service === 'sagemaker' && /^model-package(-group)?\//.test(rest)) {
      const group = rest.split('/')[1]
      const policy = this.documents.find((entry) => entry.kind === 'model-package-group'
        && entry.resource.inputs.modelPackageGroupName.toLowerCase() === group)
      return policy && { name: `model package group policy ${policy.resource.name}`, policy: policy.document, account }
    }
    return undefined
  }

  /** The VPC endpoints of the world whose service serves this action (their policies apply from that VPC). */
  endpointsFor(action) {
    const services = endpointServices(action)
    return this.endpoints.filter((endpoint) => services.some((service) => endpoint.serviceName
      === `com.amazonaws.${this.region}.${service}`))
  }

  #ofType(type) {
    return this.resources.filter((resource) => resource.type === type)
  }

  #documentsOf(resource) {
    return this.documents.filter((entry) => entry.stack === resource.stack.stack && entry.resource.type === resource.type
      && entry.resource.name === resource.name && entry.resource.urn === resource.urn)
  }

  #role(resource) {
    const account = this.accountOf(resource)
    const name = resource.inputs.name
    const sameRole = (other) => other.inputs.role === name && this.accountOf(other) === account
    const identity = [
      ...this.#documentsOf(resource).filter((entry) => entry.kind === 'identity')
        .map((entry, index) => ({ name: resource.inputs.inlinePolicies?.[index]?.name ?? entry.path, policy: entry.document })),
      ...this.#ofType('aws:iam/rolePolicy:RolePolicy').filter(sameRole).map((policy) => ({
        name: `${policy.inputs.name} (${policy.name})`,
        policy: this.#documentsOf(policy)[0].document
      }))
    ]
    const attached = this.#ofType('aws:iam/rolePolicyAttachment:RolePolicyAttachment').filter(sameRole)
      .map((attachment) => attachment.inputs.policyArn)
    const managed = attached.map((arn) => this.#managedPolicy(arn, account)).filter(Boolean)
    return {
      logicalName: resource.name,
      name,
      account,
      arn: `arn:${this.partition}:iam::${account}:role/${name}`,
      trust: this.#documentsOf(resource).find((entry) => entry.kind === 'trust')?.document,
      identity: [...identity, ...managed],
      externalPolicies: attached.filter((arn) => !this.#managedPolicy(arn, account)),
      boundary: resource.inputs.permissionsBoundary
        ? this.#managedPolicy(resource.inputs.permissionsBoundary, account)
        : undefined,
      boundaryArn: resource.inputs.permissionsBoundary
    }
  }

  /** A managed policy of the plan by ARN (a name in the policy's account). */
  #managedPolicy(arn, account) {
    const name = arn.slice(arn.indexOf(':policy/') + ':policy/'.length)
    const policy = this.#ofType('aws:iam/policy:Policy').find((candidate) => candidate.inputs.name === name
      && this.accountOf(candidate) === (arnAccount(arn) ?? account))
    return policy && { name: `${name} (${policy.name})`, policy: this.#documentsOf(policy)[0].document }
  }

  #bucketPolicies() {
    const policies = new Map()
    for (const bucket of this.#ofType('aws:s3/bucketV2:BucketV2')) {
      const policy = this.#ofType('aws:s3/bucketPolicy:BucketPolicy').find((candidate) => candidate.inputs.bucket
        === bucket.inputs.bucket)
      policies.set(bucket.inputs.bucket, {
        name: `bucket policy of ${bucket.name}`,
        policy: policy && this.#documentsOf(policy)[0].document,
        account: this.accountOf(bucket)
      })
    }
    return policies
  }

  /** Key ARN -> key policy: a key's id is what its alias targets. */
  #keys() {
    const keys = new Map()
    for (const alias of this.#ofType('aws:kms/alias:Alias')) {
      const key = this.#ofType('aws:kms/key:Key').find((candidate) => (alias.dependencies ?? []).includes(candidate.urn))
      if (key) {
        const account = this.accountOf(key)
        const arn = `arn:${this.partition}:kms:${this.region}:${account}:key/${alias.inputs.targetKeyId}`
        const known = keys.get(arn)
        keys.set(arn, {
          name: `key policy of ${key.name}`,
          policy: this.#documentsOf(key)[0]?.document,
          account,
          logicalName: key.name,
          aliases: [...(known?.aliases ?? []), alias.inputs.name]
        })
      }
    }
    return keys
  }

  /** The ARN of the key of that logical name. */
  keyArn(name) {
    return [...this.keys.entries()].find(([, key]) => key.logicalName === name)?.[0]
  }
}

export function arnAccount(arn) {
  const account = arn.split(':')[4]
  return /^\d{12}$/.test(account ?? '') ? account : undefined
}

/** The endpoint service names (com.amazonaws.<region>.<name>) that carry an action's requests. */
function endpointServices(action) {
  const [service, name] = action.split(':')
  if (service === 'sagemaker') {
    return name.startsWith('InvokeEndpoint') ? ['sagemaker.runtime'] : ['sagemaker.api']
  }
  if (service === 'ecr') {
    return name === 'GetAuthorizationToken' ? ['ecr.api'] : ['ecr.dkr']
  }
  return [service]
}
