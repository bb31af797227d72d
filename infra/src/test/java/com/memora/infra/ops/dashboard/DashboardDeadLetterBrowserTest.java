package com.memora.infra.ops.dashboard;

import com.memora.infra.cdn.CdnSettingsFixture;
import com.memora.infra.export.ExportFixture;
import com.memora.infra.metrics.PrometheusScrape;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.publication.CdnPublications;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8 point 5, the CI flow in headless Chromium: a plan's CDN publication runs through the whole retry schedule
 * to a dead letter for real (the S3 server stopped, the service's clock moved through the 54 minutes, the retry
 * tick called as the scheduler would); the administrator signs in, sees the dead-lettered plan, presses Retry once
 * the S3 server is back, and sees it recover. Screenshots stay under {@code infra/target/screenshots/}.
 * <p>
 * Ordered with the other tests that turn the CDN on (they share the service's CDN settings).
 */
@Order(Order.DEFAULT + 93)
class DashboardDeadLetterBrowserTest extends IntegrationTest {

    private static final String BUCKET = "dashboard-dead-letter";
    /** The CDN retry schedule's default length (decisions O2): 7 retries after the first attempt. */
    private static final int RETRIES = 7;

    @Autowired
    CdnPublications publications;
    @Autowired
    CdnHealth cdnHealth;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private ExportFixture export;

    @BeforeEach
    void cdnOnItsOwnBucketAndABrowser() throws Exception {
        MinioClient minio = TestServers.get().minio();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
        export = exportFixture();
        CdnSettingsFixture.save(export.admin, CdnSettingsFixture.enabledOn(BUCKET));
        cdnHealth.recordSuccess();
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        // the panels are redrawn every 5 s: an element read just before a redraw is gone, so look again
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        TestServers.get().resumeS3();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdministratorSeesADeadLetteredPlanPressesRetryAndSeesItRecover() {
        String planId = export.planOf(export.tree().get("subject"));
        PrometheusScrape before = PrometheusScrape.of(export.admin);
        deadLetter(planId);
        // the meters moved with the state machine (issue 8 point 4): 7 retries scheduled, 1 dead letter
        PrometheusScrape deadLettered = PrometheusScrape.of(export.admin);
        assertThat(deadLettered.value("memora_export_publication_retries_total"))
                .isEqualTo(before.value("memora_export_publication_retries_total") + RETRIES);
        assertThat(deadLettered.value("memora_export_publication_dead_letters_total"))
                .isEqualTo(before.value("memora_export_publication_dead_letters_total") + 1);
        assertThat(deadLettered.value("memora_cdn_uploads_total", Map.of("outcome", "failed")))
                .isGreaterThanOrEqualTo(before.value("memora_cdn_uploads_total", Map.of("outcome", "failed")) + 8);

        browser.get("http://localhost:" + port + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TestTokens.admin());
        browser.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));

        wait.until(driver -> row("dead-letter-rows", planId).contains("Dead letter after 8 attempts"));
        assertThat(row("dead-letter-rows", planId)).contains(" 8 ");
        assertThat(browser.findElement(By.id("queue-figures")).getText()).containsPattern("Dead letters\\s+[1-9]");
        chromium.screenshot("dashboard-dead-letter");

        // the CDN answers again; the operator presses Retry
        TestServers.get().resumeS3();
        By retry = By.cssSelector("button[data-key='retry:" + planId + "']");
        wait.until(driver -> driver.findElement(retry).getAccessibleName().equals("Retry plan " + planId));
        wait.until(driver -> {
            driver.findElement(retry).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                                                                      "Plan " + planId + " was sent again (job "));

        await().atMost(Duration.ofSeconds(30)).until(() -> export.state(planId).status() == PublicationStatus.SUCCESS);
        wait.until(driver -> row("dead-letter-rows", planId).isEmpty()
                             && row("log-rows", planId).contains("SUCCESS")
                             && row("log-rows", planId).contains("✓ verified"));
        assertThat(row("log-rows", planId)).contains("MANUAL");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-rows"), "Retry of the CDN publication of plan " + planId));
        chromium.screenshot("dashboard-retry-recovered");
        assertThat(PrometheusScrape.of(export.admin).value("memora_cdn_uploads_total", Map.of("outcome", "verified")))
                .as("the plan's 6 files reached the bucket")
                .isGreaterThanOrEqualTo(before.value("memora_cdn_uploads_total", Map.of("outcome", "verified")) + 6);
    }

    /** The S3 server stops; the first attempt and its 7 retries fail, each when its time comes. */
    private void deadLetter(String planId) {
        TestServers.get().interruptS3();
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        for (int retry = 1; retry <= RETRIES; retry++) {
            clock.advance(Duration.between(clock.instant(), export.latestLog(planId).orElseThrow().nextRetryAt()));
            publications.runDue();
        }
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.DEAD_LETTER);
    }

    /** The text of the table row about the plan (the newest, for the logs), or "" while there is none. */
    private String row(String tbodyId, String planId) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#" + tbodyId + " tr[data-plan='" + planId + "']"));
        return rows.isEmpty() ? "" : rows.get(0).getText();
    }
}
