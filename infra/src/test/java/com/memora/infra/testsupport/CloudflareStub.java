package com.memora.infra.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A local stand-in for Cloudflare's API (we cannot run Cloudflare): records every request and answers with the
 * responses queued for it, or with Cloudflare's success answer when none is queued. {@link TestServers} runs one that
 * the service's purge is pointed at; tests of the purge client start their own.
 */
public final class CloudflareStub implements AutoCloseable {

    public static final String SUCCESS = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"abc\"}}";

    public record Recorded(String method, String path, Map<String, List<String>> headers, String body, long arrivedNanos) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    public CloudflareStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                                      Map.copyOf(exchange.getRequestHeaders()), body, arrived));
            Answer answer = answers.poll();
            if (answer == null) {
                answer = Answer.of(200, SUCCESS);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
    }

    public void answerNext(Answer... queued) {
        answers.addAll(List.of(queued));
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The URLs of every purge request received so far, in arrival order, that contain {@code fragment}. */
    public List<String> purgedUrlsContaining(String fragment) {
        List<String> urls = new ArrayList<>();
        for (Recorded request : requests()) {
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"(https?://[^\"]+)\"").matcher(request.body());
            while (url.find()) {
                if (url.group(1).contains(fragment)) {
                    urls.add(url.group(1));
                }
            }
        }
        return urls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
