package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/capture.md's plain HTML form, served from a site of its own and submitted by a person in
 * headless Chromium to the stack run-local.sh starts: the person lands on the thank-you page and
 * the lead gets its first touch, with the form's own field kept; a bot filling the honeypot sees
 * the same thank-you page and makes no lead.
 */
class WebFormIT {

  private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String DB_URL =
      System.getenv().getOrDefault("LEADFLOW_E2E_FORMS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow_e2e_forms");

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPersonSendsAPlainHtmlFormAndTheLeadGetsItsFirstTouch() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Web form test skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    if (!System.getenv().containsKey("LEADFLOW_E2E_FORMS_DB_URL")) {
      Database.drop("leadflow_e2e_forms"); // an earlier run's open leads would be resumed into this run's Temporal
    }
    int apiPort = LocalStack.freePort();
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String siteOrigin = "http://localhost:" + site.getAddress().getPort();
    Map<String, String> env =
        Map.of(
            "LEADFLOW_API_PORT", Integer.toString(apiPort),
            "LEADFLOW_TEMPORAL_PORT", Integer.toString(LocalStack.freePort()),
            "LEADFLOW_WORKER_MANAGEMENT_PORT", Integer.toString(LocalStack.freePort()),
            "LEADFLOW_DB_URL", DB_URL,
            "JAVA_OPTS", "-Xmx256m");
    Path profile = Files.createTempDirectory("leadflow-web-form-chromium");
    try (LocalStack stack = LocalStack.start(env)) {
      try {
        await()
            .atMost(Duration.ofMinutes(6))
            .until(() -> stack.hasPrinted("LeadFlow API ready at http://localhost:" + apiPort) && stack.hasPrinted("Started WorkerApplication"));
      } catch (ConditionTimeoutException notUp) {
        throw new AssertionError("The stack did not come up; it printed:\n" + String.join("\n", stack.output()), notUp);
      }
      String api = "http://localhost:" + apiPort;
      String source = "web-contact-" + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<String> created =
          send("PUT", api + "/api/v1/admin/form-sources/" + source,
              "{\"allowedOrigins\":[\"" + siteOrigin + "\"],\"thankYouUrl\":\"" + siteOrigin + "/thanks\","
                  + "\"honeypotField\":\"fax\",\"minFillSeconds\":2}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String formKey = json.readTree(created.body()).get("formKey").asString();

      String page = Files.readString(ROOT.resolve("docs/capture.md"));
      String form = page.substring(page.indexOf("<form"), page.indexOf("</script>") + "</script>".length())
          .replace("https://leadflow.example.com", api)
          .replace("pk_form_REPLACE_WITH_YOUR_KEY", formKey);
      site.createContext("/contact", exchange -> respond(exchange, "<!doctype html><html><body><h1>Contact us</h1>" + form + "</body></html>"));
      site.createContext("/thanks", exchange -> respond(exchange, "<!doctype html><html><body><h1>Thank you!</h1></body></html>"));
      site.start();

      WebDriver browser = browser(profile);
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String email = "sarah+" + UUID.randomUUID() + "@globex.test";
        browser.get(siteOrigin + "/contact");
        browser.findElement(By.name("firstName")).sendKeys("Sarah");
        browser.findElement(By.name("lastName")).sendKeys("Kim");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("company")).sendKeys("Globex");
        new Select(browser.findElement(By.name("budget"))).selectByValue("50k-100k");
        browser.findElement(By.name("message")).sendKeys("A demo for our sales team, please.\nAround 40 seats.");
        Thread.sleep(2_500); // a person takes longer than the form's minimum fill time
        screenshot(browser, "web-form-filled.png");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(b -> b.getCurrentUrl().equals(siteOrigin + "/thanks"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you!");

        JsonNode lead = await()
            .atMost(Duration.ofSeconds(60))
            // A touch is listed once claimed; its provider is set when it went out.
            .until(() -> leadOfSource(api, source), l -> l != null && sentByDryRun(l.get("touches")));
        assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
        assertThat(lead.get("email").asString()).isEqualTo(email);
        assertThat(lead.get("interest").asString()).isEqualTo("A demo for our sales team, please.");
        assertThat(lead.get("captures").get(0).get("attributes").get("budget").asString()).isEqualTo("50k-100k");

        // A bot fills every field, the hidden one too: it sees the thank-you page, and no lead is made.
        browser.get(siteOrigin + "/contact");
        browser.findElement(By.name("firstName")).sendKeys("Bot");
        browser.findElement(By.name("email")).sendKeys("bot+" + UUID.randomUUID() + "@globex.test");
        browser.findElement(By.name("message")).sendKeys("Buy followers");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('[name=fax]').value = '+1 555 0100'");
        Thread.sleep(2_500);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(b -> b.getCurrentUrl().equals(siteOrigin + "/thanks"));
        JsonNode counted = json.readTree(send("GET", api + "/api/v1/admin/form-sources/" + source, null).body());
        assertThat(counted.get("honeypotCaught").asLong()).isEqualTo(1);
        assertThat(json.readTree(send("GET", api + "/api/v1/leads?source=" + source, null).body()).get("items").size()).isEqualTo(1);
      } finally {
        browser.quit();
      }
    } finally {
      site.stop(0);
    }
  }

  private JsonNode leadOfSource(String api, String source) throws Exception {
    JsonNode items = json.readTree(send("GET", api + "/api/v1/leads?source=" + source, null).body()).get("items");
    return items.isEmpty() ? null : json.readTree(send("GET", api + "/api/v1/leads/" + items.get(0).get("id").asString(), null).body());
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer dev-admin");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String html) throws java.io.IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static WebDriver browser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1000,1200", "--user-data-dir=" + profile);
    return new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
  }

  private static void screenshot(WebDriver browser, String name) throws java.io.IOException {
    Path target = ROOT.resolve("e2e/target");
    Files.createDirectories(target);
    Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static boolean sentByDryRun(JsonNode touches) {
    for (JsonNode touch : touches) {
      if ("dry-run".equals(touch.get("provider").asString())) {
        return true;
      }
    }
    return false;
  }
}
