package com.sagemakermlops.cli;

import java.io.PrintStream;

/** The {@code ./mlops} command line. */
public final class Mlops {
    private Mlops() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("usage: mlops plan [STACK|CONFIG_FILE]... | mlops import-mdaa MDAA_CONFIG.yaml --stack NAME");
        return 2;
    }
}
