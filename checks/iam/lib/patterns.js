// Whether two ARN patterns can name one resource: a policy's resource (IAM wildcards * and ?) against a resource
// type's ARN format from the Service Authorization Reference (${Variable} parts). A variable stands for one or more
// characters; in the partition, service, region and account fields it cannot span a colon.

const HEADER_FIELDS = 5 // arn:partition:service:region:account:

/** Tokens of a policy's resource pattern; an IAM policy variable ${...} may be anything, like *. */
function policyTokens(pattern) {
  const tokens = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '$' && pattern[i + 1] === '{' && pattern.indexOf('}', i) > i) {
      tokens.push({ t: 'star', colon: true })
      i = pattern.indexOf('}', i)
    } else if (c === '*') {
      tokens.push({ t: 'star', colon: true })
    } else if (c === '?') {
      tokens.push({ t: 'one', colon: true })
    } else {
      tokens.push({ t: 'lit', c })
    }
  }
  return tokens
}

/** Tokens of a catalog ARN format: each ${Variable} is one character then any more. */
function formatTokens(format) {
  const tokens = []
  let colons = 0
  for (let i = 0; i < format.length; i++) {
    const c = format[i]
    if (c === '$' && format[i + 1] === '{') {
      const colon = colons >= HEADER_FIELDS
      tokens.push({ t: 'one', colon }, { t: 'star', colon })
      i = format.indexOf('}', i)
    } else {
      if (c === ':') {
        colons++
      }
      tokens.push({ t: 'lit', c })
    }
  }
  return tokens
}

function accepts(token, c) {
  return token.t === 'lit' ? token.c === c : token.colon || c !== ':'
}

/** Whether one character exists that both tokens accept. */
function compatible(a, b) {
  if (a.t === 'lit') {
    return accepts(b, a.c)
  }
  if (b.t === 'lit') {
    return accepts(a, b.c)
  }
  return true
}

/** Whether some string matches both token lists: a search over pairs of positions (linear in their product). */
function intersect(a, b) {
  const seen = new Set()
  const pending = [[0, 0]]
  while (pending.length > 0) {
    const [i, j] = pending.pop()
    const key = i * (b.length + 1) + j
    if (seen.has(key)) {
      continue
    }
    seen.add(key)
    if (i === a.length && j === b.length) {
      return true
    }
    if (i < a.length && a[i].t === 'star') {
      pending.push([i + 1, j])
    }
    if (j < b.length && b[j].t === 'star') {
      pending.push([i, j + 1])
    }
    if (i < a.length && j < b.length && compatible(a[i], b[j])) {
      pending.push([a[i].t === 'star' ? i : i + 1, b[j].t === 'star' ? j : j + 1])
    }
  }
  return false
}

/** Whether the policy resource pattern can match an ARN of the catalog's format. */
export function resourceMatchesFormat(resource, format) {
  return intersect(policyTokens(resource), formatTokens(format))
}

/** Whether two policy patterns (IAM wildcards) can match one string, e.g. an action pattern and an action. */
export function wildcardMatches(pattern, value) {
  return intersect(policyTokens(pattern.toLowerCase()), policyTokens(value.toLowerCase()))
}

/** Whether a catalog key (which may hold ${Variable} parts) names the given condition key; case-insensitive. */
export function conditionKeyMatches(catalogKey, key) {
  const lower = catalogKey.toLowerCase()
  if (!lower.includes('${') && !lower.includes('<')) {
    return lower === key.toLowerCase()
  }
  const escaped = lower.split(/\$\{[^}]*\}|<[^>]*>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.+')}$`).test(key.toLowerCase())
}
