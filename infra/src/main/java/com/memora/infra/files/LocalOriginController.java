package com.memora.infra.files;

import com.memora.infra.cdn.CdnProperties;
import com.memora.infra.web.Problems;
import com.memora.projection.export.staging.ContentPathRejectedException;
import com.memora.projection.export.staging.ContentPathRule;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local origin (decisions F10, O3, O7; domain §11.1): {@code GET /files/memora_content/{path}} serves the staged
 * files from the content root, the fallback for every content URL when the CDN is off, not ready or unhealthy.
 * Public by design, like the bucket: the generated tree holds no secret (clients enforce access levels; signed video
 * links bound only a link's lifetime).
 * <ul>
 *     <li>{@code .json} as {@code application/json; charset=utf-8}, with the {@code Cache-Control} the CDN objects
 *     carry, so both origins cache alike;</li>
 *     <li>a strong {@code ETag} — the MD5 of the bytes, the same value the bucket reports for the object — and
 *     {@code Last-Modified}; {@code If-None-Match} / {@code If-Modified-Since} answer 304;</li>
 *     <li>gzip when the client accepts it (its own ETag, {@code Vary: Accept-Encoding});</li>
 *     <li>{@code Access-Control-Allow-Origin: *}, so a web client can load the fallback files from another origin;</li>
 *     <li>only content files: never a {@code .prev} or temporary file, never a directory listing (not even of the
 *     root), never through a symbolic link; a path that is not a plain content path is a 400 problem (encoded
 *     {@code ..} and absolute paths are refused before they get here, also with a 400).</li>
 * </ul>
 * A reader always gets a whole file: the store replaces files by atomic rename (F9), and the file is read in one go
 * after its attributes, so a file replaced meanwhile is served new with the older date (a later conditional request
 * then fetches it again, never the reverse).
 */
@RestController
@PreAuthorize("permitAll()") // public by design (F10); SecurityConfiguration permits GET and HEAD on this path
class LocalOriginController {

    static final String PREFIX = "/files/memora_content";
    private static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);
    /** Files up to this size are read whole (MD5 ETag, gzip); larger ones are streamed. */
    static final long MAX_BUFFERED_BYTES = 1024 * 1024;
    /** Room for the hot part of a few large plans (a lesson file is a few KB, its gzip form a third of that). */
    private static final long CACHED_BYTES = 64L * 1024 * 1024;

    private final ContentPaths paths;
    private final String cacheControl;
    private final ServedFileCache cache = new ServedFileCache(CACHED_BYTES);

    LocalOriginController(ContentStorageProperties storage, CdnProperties cdn) {
        try {
            Files.createDirectories(storage.contentRoot());
            this.paths = new ContentPaths(storage.contentRoot().toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the content root " + storage.contentRoot(), e);
        }
        this.cacheControl = cdn.cacheControl();
    }

    @GetMapping({PREFIX, PREFIX + "/**"})
    ResponseEntity<?> serve(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String relative = raw.length() > PREFIX.length() + 1 ? raw.substring(PREFIX.length() + 1) : "";
        Optional<String> decoded = decode(relative);
        if (relative.isEmpty() || relative.endsWith("/")) {
            return notFound(relative); // a directory: never listed
        }
        if (decoded.isEmpty()) {
            return invalid(relative, "a segment decodes to a separator");
        }
        String path = decoded.get();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!ContentPathRule.isContentFileName(name)) {
            return notFound(path); // the store's own .prev and temporary files do not exist for readers
        }
        Optional<String> problem = ContentPathRule.problem(path);
        if (problem.isPresent()) {
            return invalid(path, problem.get());
        }
        Path file;
        try {
            file = paths.resolve(path);
        } catch (ContentPathRejectedException linkOrOutside) {
            return notFound(path);
        }
        return read(request, path, file);
    }

    private ResponseEntity<?> read(HttpServletRequest request, String path, Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return notFound(path);
            }
            if (attributes.size() > MAX_BUFFERED_BYTES) {
                return stream(request, path, file, attributes);
            }
            return buffered(request, path, attributes, cache.get(path, attributes, () -> Files.readAllBytes(file)));
        } catch (NoSuchFileException gone) {
            return notFound(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /**
     * The usual case (files are a few KB): the whole file in memory, so its MD5 is the ETag and its gzip form is
     * made once ({@link ServedFileCache}).
     */
    private ResponseEntity<?> buffered(HttpServletRequest request, String path, BasicFileAttributes attributes,
                                       ServedFileCache.ServedFile file) {
        long lastModified = seconds(attributes);
        String md5 = file.md5();
        boolean gzip = acceptsGzip(request) && file.gzipped() != null;
        HttpHeaders headers = headers("\"" + md5 + (gzip ? "-gzip" : "") + "\"", lastModified);
        if (notModified(request, List.of("\"" + md5 + "\"", "\"" + md5 + "-gzip\""), lastModified)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(mediaType(path));
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            return new ResponseEntity<>(file.gzipped(), headers, HttpStatus.OK);
        }
        return new ResponseEntity<>(file.bytes(), headers, HttpStatus.OK);
    }

    /**
     * A file above {@link #MAX_BUFFERED_BYTES} (the export warns above 10 MiB) is streamed, so a thousand readers of
     * a large file cannot fill the heap: a weak ETag from size and time (Tomcat's own compression then gzips it for
     * clients that ask, {@code server.compression}). The length comes from the opened file, so a file replaced
     * meanwhile is still sent whole (the old one).
     */
    private ResponseEntity<?> stream(HttpServletRequest request, String path, Path file,
                                     BasicFileAttributes attributes) throws IOException {
        long lastModified = seconds(attributes);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        String etag = "W/\"" + size + "-" + attributes.lastModifiedTime().toMillis() + "\"";
        HttpHeaders headers = headers(etag, lastModified);
        if (notModified(request, List.of(etag.substring(2)), lastModified)) {
            channel.close();
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(mediaType(path));
        headers.setContentLength(size);
        InputStreamResource body = new InputStreamResource(Channels.newInputStream(channel)) {
            @Override
            public long contentLength() {
                return size;
            }
        };
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    private HttpHeaders headers(String etag, long lastModified) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setLastModified(lastModified);
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // Public by design (F10) and never sent with credentials: any web app may read it, as from the CDN.
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        return headers;
    }

    /** HTTP dates have whole seconds. */
    private static long seconds(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().toMillis() / 1000 * 1000;
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2); weak comparison, any of our tags matches. */
    private static boolean notModified(HttpServletRequest request, List<String> tags, long lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                         .map(String::trim)
                         .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                         .anyMatch(tag -> tag.equals("*") || tags.contains(tag));
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return since >= 0 && lastModified <= since;
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("gzip") || parts[0].trim().equals("*")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static MediaType mediaType(String path) {
        if (path.endsWith(".json")) {
            return JSON_UTF8;
        }
        return MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
    }

    /** Percent-decoded, segment by segment; empty when a segment hides a separator ({@code %2F}, {@code %5C}). */
    private static Optional<String> decode(String relative) {
        if (!relative.contains("%")) {
            return Optional.of(relative);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : relative.split("/", -1)) {
            String plain;
            try {
                plain = UriUtils.decode(segment, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            if (plain.contains("/") || plain.contains("\\")) {
                return Optional.empty();
            }
            segments.add(plain);
        }
        return Optional.of(String.join("/", segments));
    }

    private static ResponseEntity<?> notFound(String path) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.of(HttpStatus.NOT_FOUND, "content-file-not-found", "Not found",
                                               "No content file at '" + path + "'"));
    }

    private static ResponseEntity<?> invalid(String path, String reason) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.invalid("invalid-content-path", List.of(
                                     new Problems.FieldError("path", "'" + path + "' is not a content path: "
                                                                     + reason))));
    }
}
