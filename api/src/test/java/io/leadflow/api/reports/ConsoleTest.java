package io.leadflow.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leadflow.api.ApiTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The console in headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the running API with real leads: one waiting for its rep, one acknowledged. Skipped
 * where Chromium is not installed.
 */
class ConsoleTest extends ApiTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private WebDriver browser;
  private Path profile;

  @BeforeAll
  static void chromiumIsInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Console test skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
  }

  @BeforeEach
  void startBrowser() throws IOException {
    profile = Files.createTempDirectory("leadflow-console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    FileSystemUtils.deleteRecursively(profile);
  }

  @Test
  void aManagerKeyShowsTheChartsAndTheLeadsWaitingWithTheirSlaCountdown() {
    String waitingLead = routedLead();
    String acknowledgedLead = routedLead();
    assertThat(post("/api/v1/leads/" + acknowledgedLead + "/acknowledge", ANA, null).statusCode()).isEqualTo(200);

    browser.get("http://localhost:" + port + "/console");
    signInWith(MANAGER);

    WebElement row =
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waiting-table tr[data-lead-id='" + waitingLead + "']")));
    String countdown = row.findElement(By.cssSelector("td.countdown")).getText();
    assertThat(countdown).matches("[0-9]+:[0-5][0-9]");
    assertThat(row.getText()).contains("ana").contains("HOT").doesNotContain("Sarah");
    assertThat(browser.findElements(By.cssSelector("#waiting-table tr[data-lead-id='" + acknowledgedLead + "']"))).isEmpty();

    List<WebElement> histogram = browser.findElements(By.cssSelector("#speed-chart svg rect.first-touch:not(.legend)"));
    assertThat(histogram).hasSize(SpeedToLeadQuery.BUCKETS.size());
    assertThat(histogram).anyMatch(bar -> Double.parseDouble(bar.getAttribute("height")) > 0);
    assertThat(browser.findElements(By.cssSelector("#speed-chart svg rect.acknowledgement:not(.legend)")))
        .anyMatch(bar -> Double.parseDouble(bar.getAttribute("height")) > 0);
    assertThat(browser.findElements(By.cssSelector("#funnel-chart svg rect.stage"))).hasSize(4)
        .allMatch(bar -> Double.parseDouble(bar.getAttribute("width")) >= 0);
    assertThat(browser.findElements(By.cssSelector("#steps-chart svg rect.replies"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#speed-by-source tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.id("routing-tiles")).getText()).contains("waiting for ack now", "stuck behind a failing step");

    JavascriptExecutor script = (JavascriptExecutor) browser;
    assertThat(script.executeScript("return sessionStorage.getItem('leadflow.apiKey')")).isEqualTo(MANAGER);
    assertThat(script.executeScript("return localStorage.length")).isEqualTo(0L);
    assertThat(browser.manage().getCookies()).isEmpty();
  }

  @Test
  void aKeyWithoutTheRightRoleIsRefusedAndForgotten() {
    browser.get("http://localhost:" + port + "/console/index.html");
    signInWith(ANA);

    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "MANAGER or ADMIN"));
    assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("reports")).isDisplayed()).isFalse();
    assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('leadflow.apiKey')")).isNull();
  }

  private void signInWith(String key) {
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key);
    browser.findElement(By.id("use-key")).click();
  }

  private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
  }
}
