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
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} driven through {@code chromium-driver} (Selenium), headless, with a fresh profile in a
 * temporary directory. Nothing downloads a browser or a driver: both paths are given, so Selenium Manager is never
 * asked ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} override the Debian paths).
 * <p>
 * Without the two packages the test is skipped on a developer's machine, and fails where browser tests are
 * required: {@code .ci/run} installs the packages and sets {@code MEMORA_BROWSER_TESTS=required}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() {
        Path browser = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(browser) && Files.isExecutable(chromedriver);
        if (!present) {
            String message = "No headless browser: install Debian's chromium and chromium-driver "
                             + "(apt-get install -y chromium chromium-driver), or set CHROMIUM_BINARY and CHROMEDRIVER";
            if ("required".equals(System.getenv("MEMORA_BROWSER_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
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

    ChromeDriver driver() {
        return driver;
    }

    /** Keeps a screenshot as a test artifact under {@code infra/target/screenshots/}. */
    Path screenshot(String name) {
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
