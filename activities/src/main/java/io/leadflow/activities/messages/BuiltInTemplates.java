package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The templates shipped in the jar, version 1 of their names: {@code templates/sms/<name>.txt},
 * {@code templates/email/<name>.txt} (first line {@code Subject: …}) and optionally
 * {@code templates/email/<name>.html}.
 */
final class BuiltInTemplates {

  private static final String SUBJECT = "Subject: ";

  private BuiltInTemplates() {}

  static Optional<MessageTemplate> find(Channel channel, String name) {
    return read(channel, name, "txt").map(text -> parse(channel, name, text, read(channel, name, "html").orElse(null)));
  }

  static List<MessageTemplate> all(Channel channel) {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/" + folder(channel) + "/*.txt");
      return Arrays.stream(files)
          .map(file -> file.getFilename().substring(0, file.getFilename().length() - ".txt".length()))
          .distinct()
          .sorted()
          .map(name -> find(channel, name).orElseThrow())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageTemplate parse(Channel channel, String name, String file, String html) {
    if (channel == Channel.EMAIL && file.startsWith(SUBJECT)) {
      int end = file.indexOf('\n');
      return new MessageTemplate(channel, name, 1, file.substring(SUBJECT.length(), end).strip(), html, file.substring(end + 1), null);
    }
    return new MessageTemplate(channel, name, 1, null, html, file, null);
  }

  private static String folder(Channel channel) {
    return channel == Channel.EMAIL ? "email" : "sms";
  }

  private static Optional<String> read(Channel channel, String name, String extension) {
    if (name == null || !name.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    ClassPathResource resource = new ClassPathResource("templates/" + folder(channel) + "/" + name + "." + extension);
    if (!resource.exists()) {
      return Optional.empty();
    }
    try {
      return Optional.of(resource.getContentAsString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
