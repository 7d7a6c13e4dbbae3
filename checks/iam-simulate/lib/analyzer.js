// The account of the Model Monitor analyzer's ECR repository in a region: AWS publishes the image from one account
// per region. Read from the seed pipeline's table (seed-code/model-build/pipelines/images.py
// MODEL_MONITOR_IMAGE_ACCOUNTS), which a test of the program keeps equal to the hosting monitoring job's
// (components/hosting/monitoring/AnalyzerImage.java).
import { readFileSync } from 'node:fs'

const IMAGES = new URL('../../../seed-code/model-build/pipelines/images.py', import.meta.url)
let accounts

/** The analyzer's account in the region, or undefined where AWS lists none. */
export function analyzerAccount(region) {
  accounts ??= accountsIn(readFileSync(IMAGES, 'utf8'))
  return accounts.get(region)
}

function accountsIn(source) {
  const table = source.match(/MODEL_MONITOR_IMAGE_ACCOUNTS = \{([^}]*)\}/)
  if (!table) {
    throw new Error(`${IMAGES.pathname}: no MODEL_MONITOR_IMAGE_ACCOUNTS table`)
  }
  return new Map([...table[1].matchAll(/"([a-z0-9-]+)":\s*"(\d{12})"/g)].map((entry) => [entry[1], entry[2]]))
}
