package com.sagemakermlops.config;

/** One thing wrong with the stack configuration: where it is and what was expected. */
public record ConfigProblem(String path, String message) {
    public static final String NAMESPACE = "sagemaker-mlops";

    @Override
    public String toString() {
        boolean outside = path.contains(":") || path.contains(".yaml") || path.equals("PULUMI_CONFIG");
        String key = outside ? path : NAMESPACE + ":" + path;
        return key + ": " + message;
    }
}
