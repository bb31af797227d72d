package com.memora.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            useClassPathOfThisRun();
            org.openjdk.jmh.Main.main(new String[] {name, "-f", "1", "-wi", "2", "-i", "3"});
            return;
        }
        Method main = Class.forName("com.memora.bench." + name).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
        System.exit(0);
    }

    /**
     * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} that is Maven's own class path, not the
     * project's (the forked JVM would not find JMH or the benchmark), so hand it the class path of this run.
     */
    private static void useClassPathOfThisRun() throws URISyntaxException {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            entries.add(Path.of(url.toURI()).toString());
        }
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
}
