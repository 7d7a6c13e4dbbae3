package com.sagemakermlops;

public final class App {
    public static void main(String[] args) {
    }
}
