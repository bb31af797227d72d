package com.memora.infra.ops.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} driven through {@code chromium-driver} (Selenium), headless, with a fresh profile in a
 * temporary directory. Nothing downloads a browser or a driver: both paths are given, so Selenium Manager is never
 * asked ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} override the Debian paths).
 * <p>
 * Without the two packages the test is skipped on a developer's machine, and fails where browser tests are
 * required: {@code .ci/run} installs the packages and sets {@code MEMORA_BROWSER_TESTS=required}.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String MISSING = "No headless browser: install Debian's chromium and chromium-driver "
                                          + "(apt-get install -y chromium chromium-driver), or set CHROMIUM_BINARY and"
                                          + " CHROMEDRIVER";

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start() {
        return startIfAvailable().orElseGet(() -> {
            Assumptions.abort(MISSING);
            return null;
        });
    }

    /**
     * For a test with more to check than the page: empty without the browser on a developer's machine (the caller
     * skips only its browser step); where browser tests are required a missing browser fails.
     */
    public static Optional<HeadlessChromium> startIfAvailable() {
        Path browser = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(browser) && Files.isExecutable(chromedriver);
        if (!present) {
            if ("required".equals(System.getenv("MEMORA_BROWSER_TESTS"))) {
                throw new IllegalStateException(MISSING);
            }
            return Optional.empty();
        }
        return Optional.of(launch(browser, chromedriver));
    }

    private static HeadlessChromium launch(Path browser, Path chromedriver) {
        try {
            Path profile = Files.createTempDirectory("memora-chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                 "--disable-dev-shm-usage", "--window-size=1400,2200", "--lang=en-US",
                                 "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Keeps a screenshot as a test artifact under {@code infra/target/screenshots/}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a profile left in /tmp is harmless
            }
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
