package com.memora.bench;

import java.lang.reflect.Method;

/**
 * Entry point for {@code exec:java}: {@code -Dbench=<SimpleClassName>} picks a load driver of this package, or a
 * JMH benchmark class (whose simple name ends with {@code Jmh}) runs through JMH's own runner.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("bench");
        if (name == null || name.isBlank()) {
            System.err.println("Say which benchmark: -Dbench=SeasonCommandBenchmark (see README, Benchmarks)");
            System.exit(2);
        }
        if (name.endsWith("Jmh")) {
            org.openjdk.jmh.Main.main(new String[] {name, "-f", "1", "-wi", "2", "-i", "3"});
            return;
        }
        Method main = Class.forName("com.memora.bench." + name).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
        System.exit(0);
    }
}
