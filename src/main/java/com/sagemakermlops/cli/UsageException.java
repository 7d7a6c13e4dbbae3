package com.sagemakermlops.cli;

/** A command line the tool cannot act on; exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
