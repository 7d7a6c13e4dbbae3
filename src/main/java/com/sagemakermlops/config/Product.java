package com.sagemakermlops.config;

/** The four parts that name everything this program creates. */
public record Product(String org, String environment, String clientId, String name) {
}
