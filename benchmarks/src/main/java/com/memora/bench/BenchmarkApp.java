package com.memora.bench;

import com.memora.infra.MemoraApplication;
import com.memora.infra.testsupport.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The service as a benchmark runs it: the embedded default (real PostgreSQL, Redis and S3-compatible servers) in
 * a fresh temporary data directory, on a free port, with its own token helper.
 */
public final class BenchmarkApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private BenchmarkApp(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static BenchmarkApp start(String... extraArguments) {
        try {
            Path dataDir = Files.createTempDirectory("memora-bench");
            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--memora.data-dir=" + dataDir,
                                                             "--memora.scheduling.enabled=false",
                                                             "--logging.level.root=WARN"));
            arguments.addAll(List.of(extraArguments));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(MemoraApplication.class)
                    .run(arguments.toArray(String[]::new));
            return new BenchmarkApp(context, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient client(String role) {
        ApiClient anonymous = new ApiClient(baseUrl(), null);
        String token = anonymous.withHeader("Accept", "text/plain").get("/dev/tokens/" + role).body();
        return anonymous.as(token);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }
}
