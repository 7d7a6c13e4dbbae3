package com.sagemakermlops.config;

/** What a stack provisions: the tooling account's platform, or the hosting of the approved model in a target account. */
public enum StackRole {
    TOOLING, HOSTING
}
