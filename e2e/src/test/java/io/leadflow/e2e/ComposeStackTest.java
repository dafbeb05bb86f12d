package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.module.ModuleDescriptor.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run where the tests run, so this holds the Dockerfile, .dockerignore and
 * docker-compose.yml to the Maven reactor and to the code by reading them.
 */
class ComposeStackTest {

  private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();

  @Test
  void dockerfileCopiesThePomOfEveryReactorModule() throws Exception {
    TreeSet<String> copiedModulePoms =
        copySources().stream()
            .filter(source -> source.matches("[^/]+/pom\\.xml"))
            .map(source -> source.substring(0, source.indexOf('/')))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(copySources()).contains("pom.xml");
    assertThat(copiedModulePoms).as("modules whose pom the Dockerfile copies").isEqualTo(new TreeSet<>(reactorModules()));
  }

  @Test
  void everythingTheBuildReadsIsInTheBuildContext() throws Exception {
    List<String> ignorePatterns = Files.readAllLines(ROOT.resolve(".dockerignore"));
    List<String> needed = new ArrayList<>(copySources());
    // What `COPY . .` must bring for `mvn package` (it compiles the tests too, even with -DskipTests).
    for (String module : reactorModules()) {
      needed.add(module + "/pom.xml");
      needed.add(module + "/src");
    }

    for (String path : needed) {
      assertThat(ROOT.resolve(path)).as("copied by the Dockerfile").exists();
      assertThat(dockerIgnored(ignorePatterns, path)).as(path + " excluded by .dockerignore").isFalse();
    }
  }

  @Test
  void composeRegistersLeadSearchAttributesAll() throws Exception {
    Path jar = ROOT.resolve("worker/target/leadflow-worker.jar");
    assumeTrue(Files.isRegularFile(jar), "No " + jar + " (mvn -DskipTests package builds it): it prints LeadSearchAttributes.ALL");
    Process flags =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dloader.main=io.leadflow.worker.SearchAttributeFlags",
                "-jar",
                jar.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String printed = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(flags.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(flags.exitValue()).isZero();

    Map<?, ?> service = service("temporal-search-attributes");
    List<String> registered = Arrays.asList(String.valueOf(environment(service).get("LEADFLOW_SEARCH_ATTRIBUTES")).split("\\s+"));

    assertThat(registered).containsExactlyInAnyOrderElementsOf(printed.lines().toList());
    assertThat(script(service)).contains("for attr in $$LEADFLOW_SEARCH_ATTRIBUTES;");
  }

  @Test
  void temporalItsUiAndTheApiArePublishedOnLoopbackOnly() throws Exception {
    assertThat(ports("temporal")).containsExactly("127.0.0.1:7233:7233");
    assertThat(ports("temporal-ui")).containsExactly("127.0.0.1:8088:8080");
    assertThat(ports("api")).containsExactly("127.0.0.1:8080:8080");
    for (Object name : map(compose().get("services")).keySet()) {
      assertThat(ports(name.toString())).as(name + " publishes beyond loopback").allMatch(port -> port.startsWith("127.0.0.1:"));
    }
  }

  @Test
  void workerAndApiTakeTheKeysForTemporalPayloadsFromAFileThatStaysOutOfGitAndTheImages() throws Exception {
    for (String app : List.of("worker", "api")) {
      Map<?, ?> service = service(app);
      assertThat(service.get("env_file")).as(app + " env_file").isEqualTo("temporal-codec.env");
      assertThat(environment(service).keySet()).as(app + ": no key, no default key")
          .noneMatch(name -> name.toString().startsWith("LEADFLOW_TEMPORAL_CODEC_KEYS") || name.toString().equals("LEADFLOW_TEMPORAL_CODEC_ACTIVE_KEY"));
    }
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("temporal-codec.env");
    assertThat(dockerIgnored(Files.readAllLines(ROOT.resolve(".dockerignore")), "temporal-codec.env")).isTrue();
    assertThat(dockerIgnored(Files.readAllLines(ROOT.resolve(".dockerignore")), ".local/temporal-codec.properties")).isTrue();
  }

  @Test
  void theTemporalUiDecodesThroughTheApisCodecFromAnOriginTheApiAllows() throws Exception {
    Map<?, ?> ui = environment(service("temporal-ui"));

    assertThat(ui.get("TEMPORAL_CODEC_ENDPOINT")).isEqualTo("${LEADFLOW_TEMPORAL_CODEC_ENDPOINT:-http://localhost:8080/api/v1/codec}");
    assertThat(ui.get("TEMPORAL_CODEC_INCLUDE_CREDENTIALS")).isEqualTo("true");
    assertThat(environment(service("api")).get("LEADFLOW_TEMPORAL_CODEC_CORS_ORIGINS"))
        .isEqualTo("${LEADFLOW_TEMPORAL_CODEC_CORS_ORIGINS:-http://localhost:8088}");
    assertThat(ports("temporal-ui")).containsExactly("127.0.0.1:8088:8080");
  }

  @Test
  void temporalImagesAreNoOlderThanThoseOfThePinnedTemporalCli() throws Exception {
    // Temporal CLI 1.9.1 (scripts/temporal-cli.sh, run-local.sh's server) bundles Server 1.32.0 and UI 2.54.1.
    Version server = imageVersion("temporal", "temporalio/server");
    assertThat(server).isGreaterThanOrEqualTo(Version.parse("1.32.0"));
    for (String oneShot : List.of("temporal-admin-tools", "temporal-create-namespace", "temporal-search-attributes")) {
      assertThat(imageVersion(oneShot, "temporalio/admin-tools")).as(oneShot + ": the schema and CLI of the server's version").isEqualTo(server);
    }
    assertThat(imageVersion("temporal-ui", "temporalio/ui")).isGreaterThanOrEqualTo(Version.parse("2.54.1"));
  }

  @Test
  void namespaceKeepsClosedLeadsForThirtyDays() throws Exception {
    Map<?, ?> service = service("temporal-create-namespace");

    assertThat(environment(service).get("LEADFLOW_TEMPORAL_RETENTION")).isEqualTo("30d");
    assertThat(script(service))
        .contains("namespace create -n default --retention \"$$LEADFLOW_TEMPORAL_RETENTION\"")
        .contains("namespace update -n default --retention \"$$LEADFLOW_TEMPORAL_RETENTION\"");
  }

  private static List<String> reactorModules() throws Exception {
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
    NodeList modules = ((Element) pom.getElementsByTagName("modules").item(0)).getElementsByTagName("module");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      names.add(modules.item(i).getTextContent().strip());
    }
    return names;
  }

  /** The sources of the Dockerfile's COPY instructions from the build context (not --from another stage). */
  private static List<String> copySources() throws IOException {
    List<String> sources = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
      List<String> words = List.of(line.strip().split("\\s+"));
      if (words.get(0).equals("COPY") && words.stream().noneMatch(word -> word.startsWith("--from="))) {
        List<String> arguments = words.stream().skip(1).filter(word -> !word.startsWith("--")).toList();
        sources.addAll(arguments.subList(0, arguments.size() - 1));
      }
    }
    return sources;
  }

  /**
   * Docker's rule: a path is left out when the last pattern matching it or one of its parent
   * directories is not a {@code !} exception. Patterns use {@code **}, {@code *} and {@code ?} (no
   * {@code [...]}, which .dockerignore does not use).
   */
  private static boolean dockerIgnored(List<String> patterns, String path) {
    boolean ignored = false;
    for (String line : patterns) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      Pattern regex = glob(exception ? pattern.substring(1) : pattern);
      String prefix = "";
      for (String part : path.split("/")) {
        prefix = prefix.isEmpty() ? part : prefix + "/" + part;
        if (regex.matcher(prefix).matches()) {
          ignored = !exception;
        }
      }
    }
    return ignored;
  }

  private static Pattern glob(String pattern) {
    String p = pattern.replaceFirst("^/+", "");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      if (p.startsWith("**/", i)) {
        regex.append("(.*/)?");
        i += 2;
      } else if (p.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (p.charAt(i) == '*') {
        regex.append("[^/]*");
      } else if (p.charAt(i) == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(p.charAt(i))));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static Map<?, ?> compose() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      return map(new Yaml().load(reader));
    }
  }

  private static Map<?, ?> service(String name) throws IOException {
    Map<?, ?> service = map(map(compose().get("services")).get(name));
    assertThat(service).as("service " + name + " in docker-compose.yml").isNotNull();
    return service;
  }

  private static Map<?, ?> environment(Map<?, ?> service) {
    return map(service.get("environment"));
  }

  private static String script(Map<?, ?> service) {
    return ((List<?>) service.get("command")).stream().map(String::valueOf).collect(Collectors.joining("\n"));
  }

  private static List<String> ports(String service) throws IOException {
    List<?> ports = (List<?>) service(service).get("ports");
    return ports == null ? List.of() : ports.stream().map(String::valueOf).toList();
  }

  private static Version imageVersion(String service, String repository) throws IOException {
    String image = String.valueOf(service(service).get("image"));
    assertThat(image).as(service + " image").startsWith(repository + ":");
    return Version.parse(image.substring(repository.length() + 1));
  }

  private static Map<?, ?> map(Object node) {
    return (Map<?, ?>) node;
  }
}
