package com.memora.infra.ops.dashboard;

import com.memora.infra.axon.FailingTestProjection;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator dashboard end to end in headless Chromium (issue 8 point 5): an administrator signs in with a
 * bearer token, starts a cache rebuild and a health check, and reads the operations panels without reading JSON
 * (the dead-letter flow: {@link DashboardDeadLetterBrowserTest}). Screenshots stay under
 * {@code infra/target/screenshots/}.
 */
class DashboardBrowserTest extends IntegrationTest {

    @Autowired
    FailingTestProjection failingProjection;
    @Autowired
    EventProcessingConfiguration processing;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        // the panels are redrawn every 5 s: an element read just before a redraw is gone, so look again
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open() {
        browser.get("http://localhost:" + port + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    private String rowText(String tbodyId, String attribute, String value) {
        List<WebElement> rows = browser.findElements(
                By.cssSelector("#" + tbodyId + " tr[" + attribute + "='" + value + "']"));
        return rows.isEmpty() ? "" : rows.get(0).getText();
    }

    /** Clicks what the selector finds, looking again when a redraw replaced it in between. */
    private void click(By selector) {
        wait.until(driver -> {
            driver.findElement(selector).click();
            return true;
        });
    }

    private void signIn(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("signin-button")).click();
    }

    @Test
    void aTokenWithoutTheAdminRoleIsTurnedAwayWithAClearMessage() {
        open();
        signIn(TestTokens.editor());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "ADMIN role"));
        signIn("not-a-token");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "not valid"));
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("dev-token")).isDisplayed())
                .as("no token helper once a production key is configured (X2)").isFalse();
    }

    @Test
    void anAdministratorSignsInAndReadsThePanelsAndRunsAHealthCheck() {
        open();
        signIn(TestTokens.admin());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "Signed in as admin"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-figures"), "Waiting for a build"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disk-free"), "% free"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("processor-rows"), "content"));

        browser.findElement(By.id("run-quick-check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Quick check started"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health-when"), "Quick check"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-rows"), "Content health quick check"));
        assertThat(browser.findElement(By.id("health-status")).getText()).isIn("healthy", "warning", "critical");
        chromium.screenshot("dashboard-overview");

        // the page keeps the token for the tab: a reload stays signed in; signing out forgets it
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    @Test
    void anAdministratorRebuildsTheReviewCacheOfASeasonAndFollowsTheJob() {
        String season = Ids.season();
        assertThat(api(TestTokens.editor()).post("/api/seasons", Map.of(
                "id", season, "title", "Cached season", "start_date", "2026-09-01", "end_date", "2027-06-30",
                "enable_redis", true)).status()).isEqualTo(201);

        open();
        signIn(TestTokens.admin());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("safe-mode"), "Normal mode"));
        browser.findElement(By.id("season-filter")).sendKeys(season);
        wait.until(driver -> rowText("season-rows", "data-season", season).contains("yes"));
        click(By.cssSelector("button[data-key='rebuild:" + season + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Rebuilding the review cache of " + season));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-rows"), "Rebuild the review cache of season " + season));
        chromium.screenshot("dashboard-cache-rebuild");
    }

    @Test
    void theSeasonFilterWorksInThePageAndTheReviewCacheIsAskedOnceAMinuteOrOnDemand() {
        String season = Ids.season();
        assertThat(api(TestTokens.editor()).post("/api/seasons", Map.of(
                "id", season, "title", "Filtered season", "start_date", "2026-09-01", "end_date", "2027-06-30",
                "enable_redis", true)).status()).isEqualTo(201);
        open();
        signIn(TestTokens.admin());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("safe-mode"), "Normal mode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("last-updated"), "Updated"));
        // from now on, count the page's requests for the cache status (a SCAN of Redis) and the seasons
        browser.executeScript("""
                window.statusRequests = 0;
                const fetchFirst = window.fetch;
                window.fetch = function (url) {
                    if (String(url).includes('/api/admin/srs/cache') || String(url).includes('/api/seasons')) {
                        window.statusRequests++;
                    }
                    return fetchFirst.apply(this, arguments);
                };
                """);

        WebElement filter = browser.findElement(By.id("season-filter"));
        for (char typed : season.toCharArray()) {
            filter.sendKeys(String.valueOf(typed));
        }
        wait.until(driver -> rowText("season-rows", "data-season", season).contains("yes"));
        assertThat(browser.findElements(By.cssSelector("#season-rows tr"))).as("only the matching season")
                                                                            .hasSize(1);
        // two 5-second refreshes of the other panels go by without asking for the cache status again
        for (int cycle = 0; cycle < 2; cycle++) {
            String updated = browser.findElement(By.id("last-updated")).getText();
            wait.until(driver -> !driver.findElement(By.id("last-updated")).getText().equals(updated));
        }
        assertThat(statusRequests()).as("typing and the 5-second refresh ask the server nothing").isZero();

        browser.findElement(By.id("refresh-now")).click();
        wait.until(driver -> statusRequests() >= 2);
    }

    private long statusRequests() {
        return ((Number) browser.executeScript("return window.statusRequests;")).longValue();
    }

    @Test
    void aParkedProjectionEventShowsWithItsCauseUntilItIsHandled() {
        String poison = Ids.season();
        assertThat(api(TestTokens.editor()).post("/api/seasons", Map.of(
                "id", poison, "title", "POISON", "start_date", "2026-01-01", "end_date", "2026-12-31")).status())
                .isEqualTo(201);

        open();
        signIn(TestTokens.admin());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("parked-rows"),
                                                                      "cannot handle " + poison + " yet"));
        assertThat(browser.findElement(By.id("parked-rows")).getText()).contains(FailingTestProjection.GROUP,
                                                                                 "SeasonCreatedEvent");
        failingProjection.healed = true;
        try {
            processing.sequencedDeadLetterProcessor(FailingTestProjection.GROUP).orElseThrow().processAny();
        } finally {
            failingProjection.healed = false;
        }
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("parked-rows"), "cannot handle " + poison + " yet")));
    }
}
