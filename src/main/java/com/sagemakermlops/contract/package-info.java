/**
 * The contract between the tooling stack and the hosting stacks: everything the tooling stack exports, as typed
 * records. The tooling stack writes them in one call, a hosting stack reads them in one call through its stack
 * reference, and the offline plan derives its placeholders and its checks of given outputs from the same records, so
 * an output is added in one place and the compiler finds every site that must supply it.
 */
package com.sagemakermlops.contract;
